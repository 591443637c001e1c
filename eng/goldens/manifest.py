"""golden-manifest.json: what a golden set was made from and with. Beside each golden set; the golden-agreement tests
(GoldenManifest in tests/WellTrack.Testing) recompute every hash and fail when a chart, a case or a golden changed
without eng/regenerate-goldens.sh being run, or when the sets were made with different oracles."""
import hashlib
import json
import pathlib

NAME = "golden-manifest.json"


def _sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _relative(repo, path):
    return path.relative_to(repo).as_posix()


def _files_under(root):
    return (p for p in root.rglob("*") if p.is_file())


def write(repo, set_dir, input_roots, is_output, oracle_hash):
    """Records every file under input_roots (the inputs) and every file of set_dir that is_output accepts (the
    goldens), each with its sha256; repo-relative paths with '/', sorted, so the file only changes when they do."""
    repo, set_dir = pathlib.Path(repo), pathlib.Path(set_dir)
    manifest_path = set_dir / NAME
    outputs = sorted(p for p in _files_under(set_dir) if p != manifest_path and is_output(p))
    output_set = set(outputs)
    inputs = sorted({p for root in input_roots for p in _files_under(pathlib.Path(root))
                     if p != manifest_path and p not in output_set})
    manifest = {
        "generator": "eng/regenerate-goldens.sh",
        "oracle": oracle_hash,
        "inputRoots": [_relative(repo, pathlib.Path(root)) for root in input_roots],
        "inputs": {_relative(repo, p): _sha256(p) for p in inputs},
        "outputs": {_relative(repo, p): _sha256(p) for p in outputs},
    }
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return len(inputs), len(outputs)
