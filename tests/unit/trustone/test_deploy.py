"""The production topology: one reverse proxy, published alone, is the one place that
says who the client is; Django trusts exactly that one proxy."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def _proxy_config() -> str:
    """The nginx template the proxy mounts, without its comments."""
    [volume] = [v for v in SERVICES["proxy"]["volumes"] if "nginx/templates" in v]
    text = (ROOT / volume.split(":")[0]).read_text()
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def test_only_the_proxy_is_published() -> None:
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"proxy"}
    assert SERVICES["proxy"]["image"].startswith("nginx:")
    assert "web" in SERVICES["proxy"]["depends_on"]


def test_django_trusts_exactly_the_one_proxy() -> None:
    assert str(COMPOSE["x-env"]["TRUSTED_PROXY_COUNT"]) == "1"
    proxies = [name for name, s in SERVICES.items() if str(s.get("image", "")).startswith("nginx")]
    assert proxies == ["proxy"]


def test_the_proxy_overwrites_forwarded_for_and_passes_the_scheme() -> None:
    config = _proxy_config()
    assert "proxy_add_x_forwarded_for" not in config
    assert re.search(r"proxy_set_header X-Forwarded-For \$remote_addr;", config)
    assert re.search(r"proxy_set_header X-Forwarded-Proto \$scheme;", config)
    assert re.search(r"proxy_set_header Host \$host;", config)
    assert "proxy_pass http://trustone_web;" in config
    assert re.search(r"server web:8000( resolve)?;", config)


def test_the_proxy_serves_static_files_but_never_media() -> None:
    config = _proxy_config()
    assert re.search(r"location /static/ \{\s+alias /srv/static/;", config)
    assert re.search(r"location /media/ \{\s+return 404;", config)
    assert "static:/srv/static:ro" in SERVICES["proxy"]["volumes"]
    assert "static:/data/static" in SERVICES["migrate"]["volumes"]
    assert SERVICES["migrate"]["environment"]["DJANGO_STATIC_ROOT"] == "/data/static"
    assert "collectstatic" in " ".join(SERVICES["migrate"]["command"])


def test_the_proxy_limits_bodies_and_time() -> None:
    config = _proxy_config()
    assert re.search(r"client_max_body_size 12m;", config)  # uploads are at most 10 MB
    for directive in ("proxy_read_timeout", "proxy_connect_timeout", "client_body_timeout"):
        assert re.search(rf"{directive} \d+s;", config)
