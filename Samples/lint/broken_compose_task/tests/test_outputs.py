import subprocess


def test_totals_per_tenant():
    """One sorted `tenant,total` line per tenant, empty tenants counted as `unknown`."""
    result = subprocess.run(["python3", "/app/totals.py"], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["acme,11.50", "globex,3.25", "unknown,2.00"]
