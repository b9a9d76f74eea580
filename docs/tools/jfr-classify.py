#!/usr/bin/env python3
"""Classify a JFR CPU profile (jdk.ExecutionSample) by package group.

Each sample counts for the first group that matches a frame, scanning from the top of
the stack; markers (name=substring) count samples with a matching frame anywhere.

    python3 docs/tools/jfr-classify.py backend/target/exam-day-500.jfr 'jwt=com.nimbusds' \
        'indexCompare=SerializedObjectType.compare' 'commit=MVStore.commit'
"""
import collections
import json
import os
import subprocess
import sys

JFR = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'jfr')
GROUPS = [
    ('jwt/nimbus', ['com.nimbusds', 'oauth2.jwt', 'VerifiedTokens']),
    ('security', ['org.springframework.security']),
    ('lzf', ['org.h2.compress']),
    ('java serialisation', ['java.io.ObjectOutputStream', 'java.io.ObjectInputStream']),
    ('mvstore', ['org.h2.mvstore']),
    ('mongo-java-server', ['de.bwaldvogel']),
    ('driver/bson', ['com.mongodb', 'org.bson']),
    ('spring data', ['org.springframework.data']),
    ('jackson', ['tools.jackson', 'com.fasterxml']),
    ('webflux', ['org.springframework.web', 'org.springframework.http']),
    ('netty/reactor', ['io.netty', 'reactor.']),
    ('app', ['academy.cqo']),
]


def frames(event):
    trace = event['values'].get('stackTrace')
    if not trace:
        return []
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in trace['frames']]


def main():
    path = sys.argv[1]
    markers = [arg.split('=', 1) for arg in sys.argv[2:]]
    output = subprocess.run([JFR, 'print', '--json', '--stack-depth', '128', '--events', 'jdk.ExecutionSample', path],
                            capture_output=True, text=True, check=True).stdout
    events = json.loads(output)['recording']['events']
    groups = collections.Counter()
    marked = collections.Counter()
    for event in events:
        stack = frames(event)
        group = next((name for frame in stack for name, patterns in GROUPS if any(p in frame for p in patterns)),
                     'other')
        groups[group] += 1
        for name, pattern in markers:
            if any(pattern in frame for frame in stack):
                marked[name] += 1
    total = len(events) or 1
    print('samples', len(events))
    for group, count in groups.most_common():
        print(f'  {group:20s} {count:6d} {100 * count / total:5.1f} %')
    if markers:
        print('anywhere on the stack:')
        for name, _ in markers:
            print(f'  {name:20s} {marked[name]:6d} {100 * marked[name] / total:5.1f} %')


if __name__ == '__main__':
    main()
