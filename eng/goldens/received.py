"""Accepting what comparison tests received. Tests that compare generated text with a checked-in expectation
(KubernetesSchemaTableTests, the templates' SnapshotTests) never write into the repository: on a difference they
write what they got to artifacts/received/<the expectation's repository path> and fail. After reviewing it
(`git diff --no-index <expected> artifacts/received/<expected>`), `eng/regenerate-goldens.sh --accept` moves it over."""
import pathlib
import shutil


def accept(repo):
    received = repo / "artifacts" / "received"
    files = sorted(p for p in received.rglob("*") if p.is_file()) if received.is_dir() else []
    if not files:
        print("Nothing received: the comparison tests found no difference (or have not run).")
        return
    for file in files:
        target = repo / file.relative_to(received)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(file, target)
        print(f"  accepted {target.relative_to(repo)}")
    shutil.rmtree(received)
