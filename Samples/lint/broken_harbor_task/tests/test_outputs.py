import urllib.request


def test_second_tenant_gets_200():
    """A second tenant keeps receiving 200 responses."""
    with urllib.request.urlopen("http://127.0.0.1:8000/v1/quota?tenant=b") as response:
        assert response.status == 200
