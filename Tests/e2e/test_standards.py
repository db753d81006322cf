"""The directory's Popolo export, checked by Popolo's own JSON Schemas and read by a real
Popolo consumer (everypolitician-popolo), as other civic-tech tools would read it."""
import json
import os
import tempfile
import urllib.request
from pathlib import Path

import jsonschema
import referencing
import referencing.jsonschema
from popolo_data.importer import Popolo

SCHEMAS = Path(__file__).resolve().parent / "popolo-schemas"
SECTIONS = {"persons": "person", "organizations": "organization", "memberships": "membership", "posts": "post", "areas": "area"}


def popolo_export(server):
    with urllib.request.urlopen(server + "/api/v1/popolo.json", timeout=10) as response:
        return json.load(response)


def schema_registry():
    """Popolo's schemas refer to each other by their canonical URLs: map those to the files."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text())
        resource = referencing.Resource.from_contents(schema, default_specification=referencing.jsonschema.DRAFT3)
        resources.append((schema["id"].rstrip("#"), resource))
        resources.append((schema["id"], resource))
    return referencing.Registry().with_resources(resources)


def test_every_record_of_the_export_satisfies_popolos_schemas(server):
    document = popolo_export(server)
    registry = schema_registry()
    checked, problems = 0, []
    for section, kind in SECTIONS.items():
        schema = json.loads((SCHEMAS / f"{kind}.json").read_text())
        validator = jsonschema.Draft3Validator(schema, registry=registry, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER)
        assert document[section], f"the export has no {section}"
        for record in document[section]:
            checked += 1
            for error in validator.iter_errors(record):
                problems.append(f"{section} {record.get('id')}: {error.json_path}: {error.message}")
    assert checked > 150
    assert not problems, "\n".join(problems[:40])


def test_a_popolo_consumer_reads_the_mayors_and_their_terms(server):
    document = popolo_export(server)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(document, handle)
    try:
        popolo = Popolo.from_filename(handle.name)
    finally:
        os.unlink(handle.name)
    garcetti = next(person for person in popolo.persons if person.name == "Eric Garcetti")
    assert garcetti.id == "person-eric-garcetti"
    terms = [membership for membership in popolo.memberships if membership.person_id == garcetti.id and membership.post_id]
    assert terms, "the consumer finds Garcetti's office"
    post = popolo.posts.get(id=terms[0].post_id)
    assert post.label == "Mayor of Los Angeles"
    assert len(popolo.organizations) == len(document["organizations"])
    assert all(source["url"].startswith("http") for person in document["persons"] for source in person["sources"])
