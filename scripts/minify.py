"""Trunk post-build step, release builds only: minifies every JS and CSS file with esbuild (from
node_modules) and every JSON file, then brings index.html's integrity hashes up to date."""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

staging = os.environ["TRUNK_STAGING_DIR"]
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
esbuild = os.path.join(os.path.dirname(__file__), "..", "node_modules", ".bin", "esbuild")

for name in sorted(os.listdir(staging)):
    if name.endswith((".js", ".css")):
        path = os.path.join(staging, name)
        subprocess.run(
            [esbuild, path, "--minify", "--log-level=warning", f"--outfile={path}", "--allow-overwrite"],
            check=True,
        )

for folder, _, names in os.walk(staging):
    for name in names:
        if name.endswith(".json"):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as file:
                data = json.load(file)
            with open(path, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, separators=(",", ":"))


def rehash(match):
    """A tag with an integrity attribute, its hash taken again from the file it names."""
    tag = match.group(0)
    href = re.search(r'href="([^"]+)"', tag).group(1)
    if not href.startswith(public_url):
        sys.exit(f"minify: {href} is outside the public URL {public_url}")
    data = open(os.path.join(staging, href[len(public_url):]), "rb").read()
    digest = base64.b64encode(hashlib.sha384(data).digest()).decode()
    return re.sub(r'integrity="[^"]+"', f'integrity="sha384-{digest}"', tag)


page_path = os.path.join(staging, "index.html")
page = open(page_path, encoding="utf-8").read()
page = re.sub(r"<link [^>]*integrity=[^>]*>", rehash, page)
open(page_path, "w", encoding="utf-8").write(page)
