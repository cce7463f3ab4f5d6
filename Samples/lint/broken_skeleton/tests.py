import random
import time

import requests


def test_limits_apply_per_tenant():
    """Requests beyond the tenant's limit return 429."""
    time.sleep(5)
    statuses = [requests.get("https://api.github.com/rate_limit").status_code for _ in range(random.randint(5, 9))]
    assert 429 in statuses


def test_second_tenant_unaffected():
    pass
