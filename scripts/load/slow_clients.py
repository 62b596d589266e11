"""Slow clients for scripts/attack-test.sh (issue 13, slow request bodies and headers).

  python3 slow_clients.py PORT TOKEN SECONDS [BODIES] [HEADERS] [INTERVAL]

Keeps BODIES connections (default 300) that send an authenticated POST's head and then its body
one byte every INTERVAL seconds (default 10), and HEADERS connections (default 500) that send a
request head one byte every INTERVAL seconds, for SECONDS seconds; a connection the server ends is
opened again, as a persistent attacker would. Prints one JSON line: how many connections the
server ended, and how (an answer with its status, or closed without one).
"""
import asyncio
import json
import sys

PORT, TOKEN, SECONDS = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
BODIES = int(sys.argv[4]) if len(sys.argv) > 4 else 300
HEADERS = int(sys.argv[5]) if len(sys.argv) > 5 else 500
INTERVAL = float(sys.argv[6]) if len(sys.argv) > 6 else 10.0

ended = {"answered": {}, "closed": 0, "opened": 0}


async def drip(head: bytes, body: bytes, deadline: float) -> None:
    loop = asyncio.get_running_loop()
    while loop.time() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        except OSError:
            await asyncio.sleep(1)
            continue
        ended["opened"] += 1
        try:
            writer.write(head)
            for b in body:
                if loop.time() >= deadline:
                    break
                writer.write(bytes([b]))
                await writer.drain()
                try:
                    line = await asyncio.wait_for(reader.readline(), timeout=INTERVAL)
                except asyncio.TimeoutError:
                    continue
                if line.startswith(b"HTTP/1.1 "):
                    status = line.split()[1].decode()
                    ended["answered"][status] = ended["answered"].get(status, 0) + 1
                else:
                    ended["closed"] += 1
                break
        except (ConnectionError, OSError):
            ended["closed"] += 1
        finally:
            writer.close()


async def main() -> None:
    deadline = asyncio.get_running_loop().time() + SECONDS
    body_head = (
        "POST /api/v1/assessments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + TOKEN
        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    ).encode()
    slow_body = b"{" + b" " * 99_999
    slow_head = b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 100_000
    tasks = [drip(body_head, slow_body, deadline) for _ in range(BODIES)]
    tasks += [drip(b"", slow_head, deadline) for _ in range(HEADERS)]
    await asyncio.gather(*tasks)
    print(json.dumps(ended))


asyncio.run(main())
