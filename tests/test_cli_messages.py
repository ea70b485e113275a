"""What the CLI says about bad set-ups: every config error once, a line each; no sources; -h."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ingest.cli import cli


def _run(config: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["run", "-c", str(config), "--silent"])
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


def test_every_config_error_on_its_own_line_with_suggestions(tmp_path: Path) -> None:
    config = tmp_path / "sources.yml"
    config.write_text(
        "version: 1\nhttp:\n  retires: 3\nsources:\n  - name: notes\n    type: clips\n    pathh: notes\n"
        "  - name: w\n    type: weibo_usr\n    uid: '1'\n",
        encoding="utf-8",
    )
    code, lines = _run(config)
    assert code == 2
    assert lines == [
        f"error: {config}: line 3: http.retires: Extra inputs are not permitted; did you mean 'retries'?",
        f"error: {config}: line 7: sources.0.pathh: Extra inputs are not permitted; did you mean 'path'?",
        f"error: {config}: line 9: sources.1.type: 'weibo_usr' is not a source type (clips, feed, files, "
        "wechat_article, weibo_status, weibo_user); did you mean 'weibo_user'?",
    ]
    assert not (tmp_path / "pingce.db").exists()


def test_an_empty_sources_file_says_so_and_writes_nothing(tmp_path: Path) -> None:
    for text in ("", "version: 1\n", "version: 1\nsources: []\n"):
        config = tmp_path / "sources.yml"
        config.write_text(text, encoding="utf-8")
        code, lines = _run(config)
        assert code == 2 and len(lines) == 1 and "no sources: nothing to run" in lines[0], lines
        assert not (tmp_path / "pingce.db").exists()


def test_a_missing_folder_is_reported_once_by_its_name(tmp_path: Path) -> None:
    config = tmp_path / "sources.yml"
    config.write_text(
        "version: 1\nsources:\n  - name: notes\n    type: clips\n    path: gone\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["run", "-c", str(config), "--silent"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "does not exist" in line]
    assert errors == [f"error: notes: folder {tmp_path / 'gone'} does not exist"]


def test_dash_h_is_help_everywhere() -> None:
    runner = CliRunner()
    for args in (["-h"], ["serve", "-h"], ["run", "-h"], ["export", "prices", "-h"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and result.output.startswith("Usage: "), (args, result.output)
    assert "--host" in runner.invoke(cli, ["serve", "--help"]).output
