#!/bin/bash
mkdir -p /logs/verifier
cd /tests
if python3 -m pytest -p no:cacheprovider --noconftest /tests/test_outputs.py; then
  echo 1 > /logs/verifier/reward.txt
else
  echo 0 > /logs/verifier/reward.txt
fi
