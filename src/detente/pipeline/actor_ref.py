"""What an actor mention resolves to (ActorRef), and the few word sets both the resolver
(pipeline/actors.py) and its context rules (pipeline/actor_context.py) read."""

from __future__ import annotations

from dataclasses import dataclass

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
# Organisations that can own weapons and run operations: "Hezbollah rockets" are Hezbollah's.
ARMED_KINDS = {"military", "armed_group", "igo", "agency", "ministry"}
US_ALIASES = {"U.S.", "US", "USA", "U.S.A."}


@dataclass(frozen=True)
class ActorRef:
    code: str | None  # canonical: ISO3 for states and those acting for them, own code otherwise
    country: str | None
    role: str | None
    kind: str  # country, person, organization, region, place, unknown
    how: str  # name, alias, demonym, metonymy, title, role noun, coref, description, place, unresolved
    actor_id: str | None = None  # person_id, organisation or region code
    detail: str | None = None  # e.g. "foreign_minister, former"
    lat: float | None = None
    lon: float | None = None
