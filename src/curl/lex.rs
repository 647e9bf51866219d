//! Shell words of a pasted curl command: bash, cmd and PowerShell.
