#!/usr/bin/env python3
"""Where a JFR CPU profile (jdk.ExecutionSample) spends its samples, by frame.

    jfr-frames.py top FILE [FILTER] [N]      threads, top self frames, top inclusive frames
                                             (FILTER: only samples with a frame or thread
                                             name containing it)
    jfr-frames.py share FILE K PATTERN...    share of samples with PATTERN in the top K frames
                                             (K = 0: anywhere on the stack)
    jfr-frames.py around FILE PATTERN [D]    the D frames calling the outermost match and the
                                             D frames under the innermost one, most common first

For example, the handler lookup and the firewall's wrappers in an exam day's profile:

    python3 docs/tools/jfr-frames.py share backend/target/exam-day-1000.jfr 0 lookupHandlerMethod MVStore.commit
    python3 docs/tools/jfr-frames.py share backend/target/exam-day-1000.jfr 4 ServerWebExchangeDecorator.getRequest regex
"""
import collections
import json
import os
import re
import subprocess
import sys

JFR = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'jfr')


def samples(path):
    out = subprocess.run([JFR, 'print', '--json', '--stack-depth', '200', '--events', 'jdk.ExecutionSample', path],
                         capture_output=True, text=True, check=True).stdout
    for event in json.loads(out)['recording']['events']:
        trace = event['values'].get('stackTrace')
        if not trace:
            continue
        thread = event['values'].get('sampledThread') or {}
        name = thread.get('javaName') or thread.get('osName') or '?'
        frames = [(f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'], f.get('lineNumber'))
                  for f in trace['frames']]
        yield name, frames


def top(path, only=None, count=60):
    own, anywhere, threads, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for thread, frames in samples(path):
        names = [name for name, _ in frames]
        if only and only not in thread and not any(only in name for name in names):
            continue
        n += 1
        threads[re.sub(r'\d+', '#', thread)] += 1
        own[names[0]] += 1
        for name in set(names):
            anywhere[name] += 1
    print('samples', n)
    print('threads', threads.most_common(8))
    print('--- self')
    for name, k in own.most_common(count):
        print(f'{k / n * 100:5.1f}% {name}')
    print('--- inclusive')
    for name, k in anywhere.most_common(count):
        print(f'{k / n * 100:5.1f}% {name}')


def share(path, depth, patterns):
    found, n = collections.Counter(), 0
    for _, frames in samples(path):
        n += 1
        text = ' '.join(name for name, _ in (frames[:depth] if depth > 0 else frames))
        for pattern in patterns:
            if pattern in text:
                found[pattern] += 1
    print('samples', n)
    for pattern in patterns:
        print(f'{found[pattern] / n * 100:5.1f}% {found[pattern]:6d} {pattern}')


def around(path, pattern, depth=6):
    callers, callees, n = collections.Counter(), collections.Counter(), 0
    for _, frames in samples(path):
        short = [name.split('.')[-2] + '.' + name.split('.')[-1] + ':' + str(line) for name, line in frames]
        hits = [i for i, (name, _) in enumerate(frames) if pattern in name]
        if not hits:
            continue
        n += 1
        callers[' <- '.join(short[hits[-1] + 1:hits[-1] + 1 + depth])] += 1
        callees[' -> '.join(reversed(short[max(0, hits[0] - depth):hits[0]]))] += 1
    print('samples', n)
    print('== callers')
    for text, k in callers.most_common(12):
        print(k, text)
    print('== callees')
    for text, k in callees.most_common(20):
        print(k, text)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    command, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if command == 'top':
        top(path, rest[0] if rest else None, int(rest[1]) if len(rest) > 1 else 60)
    elif command == 'share':
        share(path, int(rest[0]), rest[1:])
    elif command == 'around':
        around(path, rest[0], int(rest[1]) if len(rest) > 1 else 6)
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == '__main__':
    main()
