# Inside a run's network namespace: 127.0.0.1:PORT of the namespace's loopback,
# each connection joined to the Unix socket the verifier listens on. Bytes are
# copied, never read. Usage: python3 bridge.py SOCKET PORT READY_FILE
import os
import socket
import sys
import threading

path, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# The socket's folder stays this process's own even when a tmpfs covers it later
# (/tmp), and a relative name has no length limit to reach.
os.chdir(os.path.dirname(path) or ".")
path = os.path.basename(path)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(64)
open(ready, "w").close()


def pump(source, target):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        try:
            target.shutdown(socket.SHUT_WR)
        except OSError:
            pass


while True:
    client, _ = server.accept()
    upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        upstream.connect(path)
    except OSError:
        client.close()
        continue
    threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
    threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
