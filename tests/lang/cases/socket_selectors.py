# selectors over sockets: a tiny non-blocking echo loop on 127.0.0.1
import selectors, socket

sel = selectors.DefaultSelector()
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, "accept")
cli = socket.create_connection(srv.getsockname())
cli.sendall(b"selected\n")
done = False
out = []
while not done:
    for key, ev in sel.select(timeout=5):
        if key.data == "accept":
            conn, _ = srv.accept()
            conn.setblocking(False)
            print("accepted, blocking:", conn.getblocking())
            sel.register(conn, selectors.EVENT_READ, "echo")
        else:
            data = key.fileobj.recv(100)
            out.append(data)
            key.fileobj.send(data.upper())
            sel.unregister(key.fileobj)
            key.fileobj.close()
            done = True
print(out, cli.recv(100))
cli.close(); srv.close(); sel.close()
