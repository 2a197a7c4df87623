"""The Arabic catalogue is complete: every string of a converted module is translated, with
the same placeholders, and nothing bypasses ``tr()`` or message codes (app/i18n_lint.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app import i18n_catalogue as catalogue
from app import i18n_lint
from app.resources import bundle_root


def _converted_modules() -> list[str]:
    return [catalogue.module_name(p) for p in catalogue.source_files()
            if not i18n_lint.is_pending(p)]


def test_every_string_of_a_converted_module_is_translated_into_arabic():
    problems = catalogue.check("ar", _converted_modules())
    assert not problems, "\n".join(map(str, problems[:80])) + f"\n({len(problems)} in all)"


def test_no_user_visible_english_bypasses_translation():
    found, stale = i18n_lint.findings()
    assert not found, "\n".join(map(str, found[:80])) + f"\n({len(found)} in all)"
    assert not stale, f"marked pending but done: {stale}"


def test_the_catalogue_has_no_file_for_a_module_that_no_longer_exists():
    modules = {catalogue.module_name(p) for p in catalogue.source_files()}
    folder = bundle_root() / "resources" / "i18n" / "ar"
    orphans = [p.name for p in folder.glob("*.ts") if p.stem not in modules]
    assert not orphans


def test_the_check_fails_on_a_missing_or_broken_translation(tmp_path, monkeypatch):
    """The check itself can fail: a module with one untranslated string and one whose
    translation dropped a placeholder."""
    source = tmp_path / "app" / "ui" / "sample.py"
    source.parent.mkdir(parents=True)
    source.write_text('from app.ui.i18n import tr\n'
                      'A = tr("Check in")\n'
                      'B = tr("Paid {amount}").format(amount=1)\n'
                      'C = tr(f"Bad {A}")\n', encoding="utf-8")
    monkeypatch.setattr(catalogue, "SOURCE_ROOT", tmp_path)
    monkeypatch.setattr(catalogue, "APP_DIR", tmp_path / "app")
    monkeypatch.setattr(catalogue, "ts_path",
                        lambda lang, module: tmp_path / "i18n" / lang / f"{module}.ts")
    monkeypatch.setattr(catalogue, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    catalogue.update("ar")
    assert catalogue.fill("ar", {"Paid {amount}": "مدفوع"}) == 1
    texts = [str(p) for p in catalogue.check("ar")]
    assert any("not translated: 'Check in'" in t for t in texts)
    assert any("placeholders differ" in t for t in texts)
    assert any("f-string" in t for t in texts)
    catalogue.fill("ar", {"Check in": "تسجيل الوصول", "Paid {amount}": "مدفوع {amount}"})
    texts = [str(p) for p in catalogue.check("ar")]
    assert texts == [t for t in texts if "f-string" in t] and len(texts) == 1
    ts = ET.parse(tmp_path / "i18n" / "ar" / "app.ui.sample.ts").getroot()
    assert ts.get("language") == "ar"
    assert [m.findtext("translation") for m in ts.iter("message")] == [
        "تسجيل الوصول", "مدفوع {amount}"]


def test_the_compiled_catalogue_translates(qapp):
    """lrelease compiles the .ts files and Qt finds a translation in the .qm (pytest-qt's
    plain application: make_qapp's style sheet would follow every later GUI test)."""
    from PySide6.QtCore import QTranslator

    path = catalogue.build("ar")
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("ClinicDesk", "Sign in") == "تسجيل الدخول"

