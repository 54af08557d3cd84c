"""A partner's off-the-shelf tools against a running Silkport server.

authlib runs the client credentials flow (RFC 6749 §4.4) with both client
authentication methods and validates the RFC 8414 metadata; PyJWT verifies
our access tokens against the JWKS with issuer and audience checks; OpenSSL
and `cryptography` read the signing key files.

Environment: SILKPORT_URL (the server, on loopback), SILKPORT_PUBLIC_URL
(the https URL it was started with: the issuer), SILKPORT_KEYS_DIR (its
signing keys folder) and SILKPORT_OUTBOX (its mail outbox folder, where the
sign-up confirmation link is read).
"""

import base64
import email
import email.policy
import os
import pathlib
import re
import subprocess
import time
import uuid

import jwt
import pytest
import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_private_key

BASE = os.environ["SILKPORT_URL"].rstrip("/")
ISSUER = os.environ["SILKPORT_PUBLIC_URL"].rstrip("/")
KEYS_DIR = pathlib.Path(os.environ["SILKPORT_KEYS_DIR"])
OUTBOX = pathlib.Path(os.environ["SILKPORT_OUTBOX"])
AUDIENCE = "silkport-api"

# The server listens on loopback over plain HTTP; authlib otherwise insists
# on https for the token endpoint (the issuer itself is https, and checked).
os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"


def gql(query, variables=None, token=None):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = requests.post(f"{BASE}/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    response.raise_for_status()
    return response.json()


def confirmation_token(address, timeout=15.0):
    """The token of the sign-up confirmation link the server mailed to `address`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(OUTBOX.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] and address in message["To"]:
                text = message.get_body(preferencelist=("plain",)).get_content()
                found = re.search(r"/confirm-signup\?token=([A-Za-z0-9._~-]+)", text)
                if found:
                    return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation mail to {address} in {OUTBOX}")


@pytest.fixture(scope="module")
def partner():
    """A new tenant's owner token, and an API client with two scopes."""
    slug = f"interop-{uuid.uuid4().hex[:8]}"
    address = f"owner@{slug}.example.com"
    signup = gql(
        "mutation($input: TenantCreateInput!) { tenantCreate(input: $input) { mailSent userErrors { code message } } }",
        {"input": {"tenantName": "Interop", "tenantSlug": slug, "name": "Owner",
                   "email": address, "password": "interop-password-42", "locale": "EN"}},
    )
    assert signup["data"]["tenantCreate"]["mailSent"], signup
    confirmed = gql(
        "mutation($t: String!) { signupConfirm(input: {token: $t}) { accessToken userErrors { code message } } }",
        {"t": confirmation_token(address)},
    )
    owner = confirmed["data"]["signupConfirm"]["accessToken"]
    assert owner, confirmed
    created = gql(
        'mutation { apiClientCreate(input: {name: "ERP", scopes: [TENANT_READ, MERCHANTS_READ]}) { apiClient { clientId } clientSecret } }',
        token=owner,
    )["data"]["apiClientCreate"]
    return {"owner": owner, "slug": slug, "id": created["apiClient"]["clientId"], "secret": created["clientSecret"]}


def metadata():
    response = requests.get(f"{BASE}/.well-known/oauth-authorization-server")
    response.raise_for_status()
    return response.json()


def test_metadata_passes_authlib_validation_and_names_the_public_issuer():
    document = metadata()
    AuthorizationServerMetadata(document).validate()
    assert document["issuer"] == ISSUER
    assert document["token_endpoint"] == f"{ISSUER}/oauth/token"
    assert document["jwks_uri"] == f"{ISSUER}/.well-known/jwks.json"


@pytest.mark.parametrize("method", ["client_secret_basic", "client_secret_post"])
def test_client_credentials_flow(partner, method):
    session = OAuth2Session(partner["id"], partner["secret"], token_endpoint_auth_method=method, scope="tenant:read")
    token = session.fetch_token(f"{BASE}/oauth/token", grant_type="client_credentials")
    assert token["token_type"] == "Bearer"
    assert token["scope"] == "tenant:read"
    assert token["expires_in"] > 0
    answer = session.post(f"{BASE}/graphql", json={"query": "{ tenant { slug } viewer { scopes } }"}).json()
    assert answer["data"]["tenant"]["slug"] == partner["slug"], answer
    assert answer["data"]["viewer"]["scopes"] == ["TENANT_READ"], answer


def test_a_wrong_secret_is_invalid_client_with_a_challenge(partner):
    session = OAuth2Session(partner["id"], "wrong", token_endpoint_auth_method="client_secret_post")
    with pytest.raises(Exception) as raised:
        session.fetch_token(f"{BASE}/oauth/token", grant_type="client_credentials")
    assert getattr(raised.value, "error", None) == "invalid_client", raised.value
    response = requests.post(
        f"{BASE}/oauth/token",
        data={"grant_type": "client_credentials", "client_id": partner["id"], "client_secret": "wrong"},
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")


def client_token(partner):
    response = requests.post(
        f"{BASE}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(partner["id"], partner["secret"]),
    )
    response.raise_for_status()
    return response.json()["access_token"]


def test_pyjwt_verifies_user_and_client_tokens_against_the_jwks(partner):
    jwks = jwt.PyJWKClient(f"{BASE}/.well-known/jwks.json")
    for who, token in [("client", client_token(partner)), ("user", partner["owner"])]:
        key = jwks.get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token, key.key, algorithms=["EdDSA"], audience=AUDIENCE, issuer=metadata()["issuer"],
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
        assert claims["iss"] == ISSUER, who
        with pytest.raises(jwt.InvalidIssuerError):
            jwt.decode(token, key.key, algorithms=["EdDSA"], audience=AUDIENCE, issuer="silkport")
        with pytest.raises(jwt.InvalidAudienceError):
            jwt.decode(token, key.key, algorithms=["EdDSA"], audience="someone-else", issuer=ISSUER)


def test_signing_key_files_are_read_by_openssl_and_cryptography():
    files = sorted(KEYS_DIR.glob("*.pem"))
    assert files, f"no keys in {KEYS_DIR}"
    published = {key["x"] for key in requests.get(f"{BASE}/.well-known/jwks.json").json()["keys"]}
    for path in files:
        subprocess.run(["openssl", "pkey", "-in", str(path), "-noout"], check=True)
        key = load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey), path
        raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        assert base64.urlsafe_b64encode(raw).rstrip(b"=").decode() in published, f"{path} is in the JWKS"
