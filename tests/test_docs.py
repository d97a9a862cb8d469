"""The docs stay true: every command and plugin option is documented, and the shipped CI workflow runs
the commands the README describes."""

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.mkdocs_plugin import BriefingsConfig

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme_and_has_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"`briefings {name}" in readme, f"README does not document `briefings {name}`"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and " ".join(command.help.split()[:4]) in " ".join(result.output.split())


def test_every_plugin_option_is_on_the_method_page():
    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    for option in BriefingsConfig._schema:
        name = option[0]
        if name != "generate":  # internal: set by `briefings build` and benchmarks
            assert f"`{name}`" in method, f"docs/method.md does not document the `{name}` option"


def test_the_workflow_checks_builds_strict_keeps_records_and_publishes():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "briefings check" in runs and "briefings build --strict" in runs
    assert any(step.get("with", {}).get("path") == "briefings/_records" for step in steps)
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in workflow["jobs"]["deploy"]["steps"])
    assert "seeds/**" in workflow[True]["push"]["paths"]  # YAML reads the key `on` as True
