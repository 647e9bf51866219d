//! Every option of curl 8: long and short names, and which take a value.
