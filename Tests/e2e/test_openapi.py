"""The API's OpenAPI document, as the server serves it, checked by openapi-spec-validator (the
validator other tools build on) as an OpenAPI 3.1 document, with every schema it refers to."""
import json
import urllib.request

from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError


def test_the_openapi_document_is_valid_openapi_3_1(server):
    with urllib.request.urlopen(server + "/api/v1/openapi.json", timeout=10) as response:
        document = json.load(response)
    assert document["openapi"].startswith("3.1.")
    try:
        validate(document)
    except OpenAPIValidationError as error:
        raise AssertionError(f"openapi-spec-validator refuses the document: {error}") from None
    # Every collection a person reads through the API is in it, so the check covers them.
    for path in ["/api/v1/people", "/api/v1/events", "/api/v1/practices", "/api/v1/resources", "/api/v1/news", "/api/v1/search"]:
        assert "get" in document["paths"][path], path
