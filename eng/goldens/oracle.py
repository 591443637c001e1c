"""The reference renderer (helm-oracle: Go's text/template and Sprig, as `helm template` of Helm v3.16) and the hash
that names the version of it a golden set was made with."""
import hashlib
import pathlib
import subprocess


class Oracle:
    def __init__(self, executable):
        self.executable = pathlib.Path(executable)

    def source_hash(self):
        """sha256 over the oracle's source files (everything beside the executable but its README), spelled as
        `cd ORACLE_DIR && sha256sum <files in name order> | sha256sum` would: a changed oracle changes it."""
        directory = self.executable.parent
        files = sorted(p for p in directory.iterdir() if p.is_file() and not p.name.upper().startswith("README"))
        listing = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in files)
        return hashlib.sha256(listing.encode("utf-8")).hexdigest()

    def render(self, chart_dir, args=(), cwd=None):
        """Runs the oracle on a chart; returns (exit code, stdout bytes, stderr bytes)."""
        process = subprocess.run([str(self.executable), *args, str(chart_dir)], capture_output=True, cwd=cwd)
        return process.returncode, process.stdout, process.stderr

    def render_ok(self, chart_dir, args=()):
        """Runs the oracle on a chart that must render; returns its stdout, byte for byte."""
        code, stdout, stderr = self.render(chart_dir, args)
        if code != 0:
            raise SystemExit(f"helm-oracle failed on {chart_dir}:\n{stderr.decode('utf-8', 'replace')}")
        return stdout
