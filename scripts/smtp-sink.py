#!/usr/bin/env python3
"""An SMTP sink on loopback that counts the mail it receives, for the outbox benchmark.

    python3 scripts/smtp-sink.py --port 2525 --expect 10000 --timeout 180

Prints one line when `--expect` mails have arrived or `--timeout` seconds have passed:
received, seconds from the first mail to the last, mails per second, distinct Message-IDs.
"""
import argparse
import asyncio
import re
import sys
import time

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.count = 0
        self.first = None
        self.last = None
        self.message_ids = set()

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        self.first = self.first or now
        self.last = now
        self.count += 1
        match = re.search(rb"^Message-ID: (.+?)\r?$", envelope.content, re.M | re.I)
        if match:
            self.message_ids.add(match.group(1))
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--expect", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True, file=sys.stderr)
    deadline = time.monotonic() + args.timeout
    while counter.count < args.expect and time.monotonic() < deadline:
        time.sleep(0.2)
    controller.stop()
    seconds = (counter.last - counter.first) if counter.count > 1 else 0.0
    rate = counter.count / seconds if seconds > 0 else 0.0
    print(f"{counter.count}\t{seconds:.1f}\t{rate:.0f}\t{len(counter.message_ids)}")


if __name__ == "__main__":
    main()
