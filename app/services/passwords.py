"""Password hashing with Argon2id (argon2-cffi); verification never raises on a bad hash."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Lighter than the library default so a sign-in stays well under a second on a desk PC,
# still far beyond brute-force reach for an offline attacker at these parameters.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
