#!/bin/bash
echo '{"limit": "per-tenant"}' > /app/answer.json
