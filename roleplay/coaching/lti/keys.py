"""The tool's signing key: made once, kept in the database (so every process of the app signs
with the same one), its public half served as the tool's JWKS for platforms to check what the
tool signs (deep-linking answers, requests for grade-service tokens)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pylti1p3.registration import Registration
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from roleplay.history.tables import LtiKeyRow


@dataclass(frozen=True)
class ToolKey:
    kid: str
    private_pem: str
    public_pem: str

    def jwk(self) -> dict[str, Any]:
        # Its kid is the key's RFC 7638 thumbprint, as pylti1p3 puts it on what it signs.
        return dict(Registration.get_jwk(self.public_pem))


def _public_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def tool_key(factory: sessionmaker) -> ToolKey:
    """The key, made on first use. Two processes making it at once keep the first one saved."""
    with factory() as db:
        row = db.scalar(select(LtiKeyRow).order_by(LtiKeyRow.created_at))
        if row is None:
            private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            pem = private.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ).decode()
            kid = str(Registration.get_jwk(_public_pem(pem))["kid"])
            db.add(LtiKeyRow(kid=kid, private_pem=pem, created_at=datetime.now(UTC)))
            try:
                db.commit()
            except IntegrityError:
                db.rollback()
            row = db.scalar(select(LtiKeyRow).order_by(LtiKeyRow.created_at))
        return ToolKey(row.kid, row.private_pem, _public_pem(row.private_pem))


def jwks(factory: sessionmaker) -> dict[str, list[dict[str, Any]]]:
    return {"keys": [tool_key(factory).jwk()]}
