"""The pre-flight check that replaces Qt's core dump on a machine that cannot open a window."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from app.ui import platform_check

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libEGL.so.1", "libegl1"),
    ("not-a-soname", "not-a-soname"),
])
def test_soname_to_debian_package(soname: str, package: str) -> None:
    assert platform_check.debian_package(soname) == package


@linux_only
def test_no_display_is_one_sentence_naming_the_fix() -> None:
    message = platform_check.problem({"QT_QPA_PLATFORM": "xcb"})
    assert message is not None and "DISPLAY is not set" in message
    assert message.count(".") <= 2 and "\n" not in message


@linux_only
@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"},
                                 {"WAYLAND_DISPLAY": "wayland-0"},
                                 {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}])
def test_other_platforms_are_not_checked(env: dict[str, str]) -> None:
    assert platform_check.problem(env) is None


@linux_only
def test_missing_library_is_named_with_its_package(tmp_path, monkeypatch) -> None:
    # A stand-in "plugin" linked against a library no system has: ldd reports it not found.
    plugin = tmp_path / "plugins" / "platforms" / "libqxcb.so"
    plugin.parent.mkdir(parents=True)
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("needs a C compiler to build a stand-in plugin")
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n")
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(tmp_path / "libcdmissing.so.7"),
                    "-Wl,-soname,libcdmissing.so.7", str(tmp_path / "dep.c")], check=True)
    (tmp_path / "p.c").write_text("int dep(void); int f(void) { return dep(); }\n")
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "p.c"),
                    str(tmp_path / "libcdmissing.so.7")], check=True)
    (tmp_path / "libcdmissing.so.7").unlink()
    missing = platform_check.missing_libraries(tmp_path)
    assert "libcdmissing.so.7" in missing
    monkeypatch.setattr(platform_check, "missing_libraries", lambda: missing)
    message = platform_check.problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})
    assert message is not None and "sudo apt-get install" in message
    assert "libcdmissing7" in message
