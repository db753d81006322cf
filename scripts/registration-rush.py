#!/usr/bin/env python3
"""Registration rush: many people register for one event at the same moment.

Creates an open event with CAPACITY places through the API (a token with the events:write
scope), fires REGISTRATIONS registrations over HTTP at once (each on its own connection,
at most CONCURRENCY in flight), then checks the outcome against the rules a network relies
on: exactly CAPACITY confirmed, everyone else waitlisted in arrival order, no errors.
The registrations carry the token, as a partner's sign-up form would: such an integration is
told each outcome (anonymous callers get one answer whatever happened).
Prints one tab-separated line: registrations, capacity, confirmed, waitlisted, errors,
registrations per second, p50 ms, p99 ms, verdict. Standard library only.

    scripts/registration-rush.py --base http://127.0.0.1:8181 --token civ_... [--registrations 10000] [--capacity 500] [--event-slug SLUG]
    scripts/registration-rush.py --base ... --token ... --make-event     # only makes the event and prints its slug
"""
import argparse
import asyncio
import json
import resource
import sys
import time
import urllib.parse
import urllib.request
import uuid


def api(base, path, token=None, body=None, method="GET"):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None,
                                     headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


async def register(host, port, path, number, run_id, gate, started, token):
    """One registration on its own connection: (HTTP status, registration status, waitlist position, seconds)."""
    body = json.dumps({"name": f"Rush participant {number}", "email": f"rush-{run_id}-{number}@example.org",
                       "organization": "Benchmark City"}).encode()
    request = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
               f"Authorization: Bearer {token}\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    async with gate:
        began = time.perf_counter()
        started.append(began)
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            await writer.drain()
            answer = await reader.read()
            writer.close()
        except OSError as error:
            return (0, f"connection: {error.__class__.__name__}", None, time.perf_counter() - began)
    elapsed = time.perf_counter() - began
    head, _, payload = answer.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return (0, "no answer", None, elapsed)
    try:
        # Chunked or not, the JSON object is the text between the first { and the last }.
        text = payload[payload.index(b"{"):payload.rindex(b"}") + 1]
        answer = json.loads(text)
        return (status, answer.get("status", "?"), answer.get("waitlist_position"), elapsed)
    except ValueError:
        return (status, "?", None, elapsed)


async def rush(base, slug, count, concurrency, token):
    url = urllib.parse.urlsplit(base)
    gate = asyncio.Semaphore(concurrency)
    started = []
    run_id = uuid.uuid4().hex[:8]
    path = f"/api/v1/events/{slug}/registrations"
    tasks = [register(url.hostname, url.port, path, number, run_id, gate, started, token) for number in range(count)]
    begin = time.perf_counter()
    results = await asyncio.gather(*tasks)
    return results, time.perf_counter() - begin


def make_event(base, token, capacity):
    """An open event with `capacity` places, made through the API."""
    return api(base, "/api/v1/events", token, method="POST", body={
        "title": f"Registration rush {uuid.uuid4().hex[:6]}", "kind": "conference", "time_zone": "Europe/Madrid",
        "starts_at": "2031-05-20T09:00", "ends_at": "2031-05-20T18:00", "registration_mode": "open",
        "capacity": capacity, "published": True})


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--registrations", type=int, default=10_000)
    parser.add_argument("--capacity", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=10_000)
    parser.add_argument("--event-slug", help="register for this existing event (made with --capacity places) instead of making one")
    parser.add_argument("--make-event", action="store_true", help="only make the event and print its slug")
    arguments = parser.parse_args()
    if arguments.make_event:
        print(make_event(arguments.base, arguments.token, arguments.capacity)["slug"])
        return 0

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, arguments.concurrency + 256)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    concurrency = min(arguments.concurrency, wanted - 256)

    event = {"slug": arguments.event_slug} if arguments.event_slug else make_event(arguments.base, arguments.token, arguments.capacity)
    results, elapsed = asyncio.run(rush(arguments.base, event["slug"], arguments.registrations, concurrency, arguments.token))

    confirmed = sum(1 for status, outcome, _, _ in results if status == 201 and outcome == "confirmed")
    waitlisted = sum(1 for status, outcome, _, _ in results if status == 201 and outcome == "waitlisted")
    errors = len(results) - confirmed - waitlisted
    failures = {}
    for status, outcome, _, _ in results:
        if status != 201:
            failures[f"{status} {outcome}"] = failures.get(f"{status} {outcome}", 0) + 1

    # What the server recorded: the counts, and the waiting list in arrival order.
    counts = api(arguments.base, f"/api/v1/events/{event['slug']}")["registrations"]
    problems = []
    if counts["confirmed"] != min(arguments.capacity, arguments.registrations - errors) or counts["confirmed"] != confirmed:
        problems.append(f"confirmed {confirmed} answered, {counts['confirmed']} recorded, capacity {arguments.capacity}")
    if counts["waitlisted"] != waitlisted:
        problems.append(f"waitlisted {waitlisted} answered, {counts['waitlisted']} recorded")
    # Arrival order: each waitlisted person was told a distinct place, 1, 2, 3... without gaps.
    positions = sorted(position for status, outcome, position, _ in results if status == 201 and outcome == "waitlisted")
    if positions != list(range(1, waitlisted + 1)):
        problems.append("waiting-list positions are not 1..n in order")
    if errors:
        problems.append(f"errors: {failures}")
    verdict = "ok" if not problems else "FAILED: " + "; ".join(problems)
    durations = [seconds for status, _, _, seconds in results if status == 201]
    print("\t".join(str(value) for value in [arguments.registrations, arguments.capacity, confirmed, waitlisted, errors,
                                             f"{(confirmed + waitlisted) / elapsed:.0f}", f"{percentile(durations, 0.5):.0f}",
                                             f"{percentile(durations, 0.99):.0f}", concurrency, verdict]))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
