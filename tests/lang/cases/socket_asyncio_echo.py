# asyncio over _socket: a TCP echo server on 127.0.0.1 (port 0) and a client
import asyncio

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(b'hello asyncio\n')
        await writer.drain()
        print(await reader.readline())
        print(await reader.read())
        writer.close()
        await writer.wait_closed()

asyncio.run(main())
print("done")
