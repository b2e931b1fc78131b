"""Trunk post-build step: moves Trunk's inline module loader out of index.html into a file of its
own, so the page runs under a Content-Security-Policy without 'unsafe-inline'."""

import hashlib
import os
import re
import sys

staging = os.environ["TRUNK_STAGING_DIR"]
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
page_path = os.path.join(staging, "index.html")
page = open(page_path, encoding="utf-8").read()

inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
found = inline.search(page)
if not found:
    sys.exit("loader_to_file: no inline module script in index.html")
loader = found.group(1).strip() + "\n"
name = "loader-" + hashlib.sha256(loader.encode()).hexdigest()[:16] + ".js"
open(os.path.join(staging, name), "w", encoding="utf-8").write(loader)
tag = f'<script type="module" src="{public_url}{name}"></script>'
page = page[: found.start()] + tag + page[found.end() :]
if inline.search(page):
    sys.exit("loader_to_file: more than one inline module script in index.html")
open(page_path, "w", encoding="utf-8").write(page)
