"""Settings: environment variables over a config file in the platform's user config dir.

Read once at start-up by ``load_settings()`` and passed down; nothing reads the environment
later.

| setting            | env var                      | config.toml key      | default                 |
|--------------------|------------------------------|----------------------|-------------------------|
| database URL       | DATABASE_URL                 | database_url         | embedded server         |
| data directory     | CLINICDESK_DATA_DIR          | data_dir             | platform user data dir  |
| idle lock minutes  | CLINICDESK_IDLE_LOCK_MINUTES | idle_lock_minutes    | 10                      |
| lockout attempts   | CLINICDESK_LOCKOUT_ATTEMPTS  | lockout_attempts     | 5                       |
| lockout minutes    | CLINICDESK_LOCKOUT_MINUTES   | lockout_minutes      | 15                      |
| workstation name   | CLINICDESK_WORKSTATION       | workstation          | host name               |
| background sync    | CLINICDESK_SYNC              | sync                 | true                    |
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from app.domain.errors import ValidationError
from app.domain.messages import messages

M = messages(__name__)

APP_NAME = "ClinicDesk"


@dataclass(frozen=True)
class Settings:
    database_url: str | None
    data_dir: Path
    config_file: Path
    idle_lock_minutes: int = 10
    lockout_attempts: int = 5
    lockout_minutes: int = 15
    workstation: str = "workstation"
    sync_enabled: bool = True

    @property
    def embedded(self) -> bool:
        return self.database_url is None

    @property
    def pgdata(self) -> Path:
        return self.data_dir / "pgdata"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def _int(value: object, name: str) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ValidationError(M("setting_name_whole_number", "Setting {name} must be a whole "
                                "number, not {value}.", name=name, value=f"{value!r}")) from None
    if number < 0:
        raise ValidationError(M("setting_name_negative", "Setting {name} cannot be negative.",
                                name=name))
    return number


def load_settings(env: dict[str, str] | None = None, config_file: Path | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    path = Path(env.get("CLINICDESK_CONFIG") or config_file or default_config_file())
    file_values: dict[str, object] = {}
    if path.is_file():
        try:
            file_values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValidationError(M("config_file_path_valid", "The config file {path} is not "
                                    "valid TOML: {exc}", path=path, exc=exc)) from None

    def pick(env_name: str, key: str, default: object) -> object:
        if env.get(env_name):
            return env[env_name]
        return file_values.get(key, default)

    data_dir = Path(
        str(pick("CLINICDESK_DATA_DIR", "data_dir",
                 platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    ).expanduser()
    url = pick("DATABASE_URL", "database_url", None)
    sync = str(pick("CLINICDESK_SYNC", "sync", "true")).lower() not in ("0", "false", "no", "off")
    return Settings(
        database_url=str(url) if url else None,
        data_dir=data_dir,
        config_file=path,
        idle_lock_minutes=_int(pick("CLINICDESK_IDLE_LOCK_MINUTES", "idle_lock_minutes", 10),
                               "idle_lock_minutes"),
        lockout_attempts=_int(pick("CLINICDESK_LOCKOUT_ATTEMPTS", "lockout_attempts", 5),
                              "lockout_attempts"),
        lockout_minutes=_int(pick("CLINICDESK_LOCKOUT_MINUTES", "lockout_minutes", 15),
                             "lockout_minutes"),
        workstation=str(pick("CLINICDESK_WORKSTATION", "workstation", socket.gethostname())),
        sync_enabled=sync,
    )
