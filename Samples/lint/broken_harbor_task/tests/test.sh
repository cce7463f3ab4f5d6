#!/bin/bash
set -euo pipefail
pip install pytest
curl -sSL https://example.com/fixtures.tar.gz -o /tmp/fixtures.tar.gz
cd /tests
pytest test_outputs.py || true
echo 1 > /logs/verifier/reward.txt
