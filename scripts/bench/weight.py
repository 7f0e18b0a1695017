"""Step 4: page weight, the bytes a browser transfers for a page and what it links to."""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from .common import HOST, LOCAL_HOSTS, MAX_PAGE_WEIGHT
from .load import fetch


class ResourceFinder(HTMLParser):
    """What a browser fetches while loading an HTML page (no JavaScript runs here)."""

    LINK_RELS = {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "manifest",
        "apple-touch-icon",
    }

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and self.LINK_RELS & set(
            (attrs.get("rel") or "").lower().split()
        ):
            self.urls.append(attrs.get("href"))
        elif tag in {"script", "img", "iframe", "embed", "audio", "video"}:
            self.urls.append(attrs.get("src"))
        elif tag == "source":
            self.urls.append(
                attrs.get("src") or (attrs.get("srcset") or "").split(" ")[0]
            )
        elif tag == "object":
            self.urls.append(attrs.get("data"))


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def page_weight(port, path):
    accept = {"Accept-Encoding": "gzip, deflate, br", "Accept": "*/*"}
    requests, third_party, seen = [], set(), set()

    def load(url, kind):
        parts = urlsplit(urljoin(f"http://{HOST}:{port}{path}", url))
        if parts.scheme in {"data", "blob"}:
            return None
        if parts.hostname not in LOCAL_HOSTS:
            third_party.add(parts.hostname)
            return None
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if local in seen:
            return None
        seen.add(local)
        status, headers, body, header_bytes = fetch(port, local, accept)
        requests.append(
            {
                "url": local,
                "kind": kind,
                "status": status,
                "encoding": headers.get("Content-Encoding", ""),
                "bytes": header_bytes + len(body),
                "header_bytes": header_bytes,
            }
        )
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return local, headers, body

    _local, _headers, html = load(path, "html")
    finder = ResourceFinder()
    finder.feed(html.decode("utf-8", "replace"))
    for url in filter(None, finder.urls):
        loaded = load(url, "resource")
        if loaded and "css" in loaded[1].get("Content-Type", ""):
            base = loaded[0]
            for match in CSS_URL.finditer(loaded[2].decode("utf-8", "replace")):
                css_url = match.group(1) or match.group(2)
                load(urljoin(f"http://{HOST}:{port}{base}", css_url), "css")
    total = sum(request["bytes"] for request in requests)
    return {
        "url": path,
        "bytes": total,
        "requests": requests,
        "third_party_hosts": sorted(third_party),
        "ok": total <= MAX_PAGE_WEIGHT and not third_party,
    }
