"""A reproducible newsroom archive for timing the library: N articles of about 800 words.

Words follow a Zipf-like curve over a vocabulary of real news words and a long tail
of invented ones, so searches meet both very common and rare terms; names, places,
sections, tags and statuses repeat the way they do in a real archive. The same N and
seed always give the same articles.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from editor_app.model import Article, BlockQuote, Heading, Metadata, Paragraph, RichText, Status

ARCHIVE_VERSION = 1
"""Bump when the generator changes: an archive built by another version is rebuilt."""

FIRST_NAMES = (
    "Mira Dana Tomasz Ilse Kofi Amara Lucas Sofia Mateo Yara Priya Jonas Elif Omar Hana "
    "Rafael Ingrid Tariq Leona Felix Nadia Emeka Aiko Bruno Chiara Dmitri Esme Farid Greta "
    "Hugo Ines Jakob Keiko Lars Maren Nikolai Olga Paulo Quinn Rosa Samir Talia Ulrich "
    "Vera Wiktor Ximena Yusuf Zofia Anders Beatriz Cormac Delphine Eamon Fatima Gideon"
).split()
SURNAMES = (
    "Sandoval Hale Wrona Brunnthaler Mensah Okafor Lindqvist Moreau Castellanos Nakamura "
    "Petrov Achterberg Szabo Oyelaran Fitzgerald Delacroix Haddad Kowalczyk Varga Ramaswamy "
    "Bergstrom Quintero Abernethy Olawale Marchetti Novak Eriksen Takahashi Ferreira Osei "
    "Lindgren Dubois Kaczmarek Halvorsen Amadi Whitlock Rinaldi Sato Mwangi Carvalho "
    "Henriksen Baptiste Kovacs Ellingham Adeyemi Valdivia Thorsen Nguyen Pellegrini Farouk"
).split()
PLACES = (
    "Leeds Bristol Rotterdam Lyon Porto Gdansk Tampere Graz Bilbao Ghent Malmo Turin "
    "Aarhus Cork Brno Seville Utrecht Bergen Dundee Nantes Kaunas Plovdiv Split Bologna"
).split()
SECTIONS = (
    "News",
    "Politics",
    "Business",
    "Transport",
    "Health",
    "Education",
    "Environment",
    "Culture",
    "Sport",
    "Science",
)
TAGS = (
    "budget council elections housing trams buses rail schools hospitals nurses strikes "
    "flooding energy climate tourism football festival museum courts police taxes "
    "universities water broadband airports ports farming fisheries libraries theatre "
    "pensions childcare planning bridges cycling"
).split()
TOPICS = (
    "budget housing tram rail school hospital energy water flood bridge tax museum "
    "festival airport port harbour library pension childcare broadband police court "
    "planning parking cycling farming fishing tourism stadium theatre"
).split()
STATUS_WEIGHTS = {
    Status.PUBLISHED: 70,
    Status.READY: 8,
    Status.IN_EDIT: 10,
    Status.DRAFT: 12,
}
COMMON_WORDS = (
    "the of and to a in that said for on was is with by it as at from he she they "
    "would has have were will be this an which their who not but had are its after "
    "been more than year years also new about one two could people council government "
    "minister plan city local public last told week million cost over residents "
    "officials meeting Tuesday Monday Friday budget vote delayed again talks night "
    "agreement months negotiations ministry unions pay report service services money "
    "spokesperson statement decision review members committee proposal funding scheme "
    "community changes support families workers companies price prices rise increase "
    "percent figures data police court hearing case judge trial evidence election "
    "campaign party leader opposition mayor region national state schools pupils "
    "teachers hospital patients doctors nurses waiting health care energy bills homes "
    "housing rent transport trains buses tram line route station passengers delays "
    "strike weather flooding river storm road roads bridge repairs project contract "
    "construction site planning application permission environment climate emissions "
    "water supply farmers harvest market shares investors bank interest rates inflation "
    "economy growth jobs unemployment wages business firm chief executive director "
    "announced expected warned confirmed described called added asked according "
    "including between during before under while since because whether however "
    "although against early late first second third final latest recent previous "
    "several many few most some every other another same own small large major "
    "important difficult clear possible likely future history centre area district "
    "village town university students research scientists study results museum "
    "exhibition festival theatre music football club match season players coach fans "
    "tourism visitors airport flights port ships fishing broadband library libraries"
).split()
SYLLABLES = (
    "ka lo ven tri mar sel dor bri an el os ut ri fa ne gro pil sta quen vor lum "
    "bel tas ar mo ni zer ha pe dri col ser vin tan rud cam pol est ix ur ga"
).split()


def invented_words(generator: random.Random, count: int) -> list[str]:
    """Pronounceable made-up words: the archive's long tail of rare terms."""
    words: dict[str, None] = {}
    while len(words) < count:
        parts = generator.randint(2, 4)
        words["".join(generator.choice(SYLLABLES) for _ in range(parts))] = None
    return list(words)


class ArchiveWriter:
    """Writes article after article from one seeded generator: same seed, same archive."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        vocabulary = COMMON_WORDS + invented_words(self.random, 5000)
        # Zipf-like: the common words make up about two thirds of the text, as in news copy.
        weights = [1 / (rank + 4) ** 1.15 for rank in range(len(vocabulary))]
        self.vocabulary = vocabulary
        self.cumulative = list(itertools.accumulate(weights))
        self.people = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
        self.start = datetime(2019, 1, 1, tzinfo=UTC)

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        words = self.words(self.random.randint(8, 24))
        roll = self.random.random()
        if roll < 0.25:
            person = self.random.choice(self.people)
            return f"“{' '.join(words).capitalize()},” {person} said."
        if roll < 0.35:
            words.insert(self.random.randrange(len(words)), f"in {self.random.choice(PLACES)}")
        return " ".join(words).capitalize() + "."

    def paragraph(self, target_words: int) -> str:
        sentences: list[str] = []
        written = 0
        while written < target_words:
            text = self.sentence()
            sentences.append(text)
            written += len(text.split())
        return " ".join(sentences)

    def headline(self, person: str, place: str) -> str:
        surname = person.split()[-1]
        topic, other = self.random.sample(TOPICS, 2)
        templates = (
            f"{place} {topic} plan delayed again as {other} talks stall",
            f"{surname} warns {topic} {other} will cost millions",
            f"{place} residents question {topic} decision",
            f"{person} named to lead {place} {topic} review",
            f"{topic.capitalize()} {other} figures rise for third year in {place}",
            f"What the {topic} vote means for {place}",
        )
        return self.random.choice(templates)

    def article(self, number: int) -> Article:
        person = self.random.choice(self.people)
        place = self.random.choice(PLACES)
        body: list[Paragraph | Heading | BlockQuote] = []
        words = 0
        target = self.random.randint(700, 900)
        while words < target:
            if body and self.random.random() < 0.06:
                body.append(Heading(RichText.plain_text(self.paragraph(4)), level=2))
            elif body and self.random.random() < 0.05:
                quote = self.paragraph(20)
                speaker = RichText.plain_text(self.random.choice(self.people))
                body.append(BlockQuote(RichText.plain_text(quote), speaker))
                words += len(quote.split())
            else:
                text = self.paragraph(self.random.randint(30, 55))
                body.append(Paragraph(RichText.plain_text(text)))
                words += len(text.split())
        created = self.start + timedelta(minutes=number * 25 + self.random.randint(0, 20))
        statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
        meta = Metadata(
            headline=self.headline(person, place),
            standfirst=self.paragraph(18),
            byline=self.random.choice(self.people),
            dateline=place.upper(),
            section=self.random.choice(SECTIONS),
            tags=tuple(sorted(set(self.random.sample(TAGS, self.random.randint(1, 4))))),
            status=self.random.choices(statuses, weights)[0],
            created=created,
            updated=created + timedelta(hours=self.random.randint(0, 48)),
        )
        return Article(meta, tuple(body))


def archive(count: int, seed: int = 2024) -> Iterator[Article]:
    """``count`` articles, the same ones for the same ``count`` and ``seed``."""
    writer = ArchiveWriter(seed)
    for number in range(count):
        yield writer.article(number)
