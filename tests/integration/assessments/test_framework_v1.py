"""The first assessment framework version, shipped by migration 0004_framework_v1.

The maxima are recomputed from the data (the highest option per question for a size class,
or computed_max_points for a computed question) and compared with FRAMEWORK.md."""

import importlib
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import AnswerOption, Framework, Question, Step

pytestmark = pytest.mark.django_db

SIZES = ["large", "medium", "small"]

CODES = [
    "1.1", "1.2", "1.3", "1.4",
    "2.1a", "2.1b", "2.2", "2.3", "2.4", "2.5",
    "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
    "4.1", "4.2",
    "5.1", "5.2",
    "6.1", "6.2",
]  # fmt: skip
CATEGORY_B_CODES = {"1.1", "1.2", "1.3", "1.4", "2.1a", "2.1b"}

STEP_MAXIMA = {1: 15, 2: 27, 3: 30, 4: 12, 5: 8, 6: 10}

# FRAMEWORK.md's size-dependent rows: (question, option, large, medium, small).
SIZE_DEPENDENT = [
    ("1.1", "none", 0, 0, 0),
    ("1.1", "internal", 2, 2, 2),
    ("1.1", "public_standard", 3, 6, 6),
    ("1.1", "public_oecd", 6, 6, 6),
    ("1.4", "none", 0, 0, 0),
    ("1.4", "discussed", 1, 3, 3),
    ("1.4", "signed", 3, 3, 3),
    ("3.1", "none", 0, 0, 0),
    ("3.1", "not_smart", 3, 3, 3),
    ("3.1", "smart_one_risk", 3, 3, 6),
    ("3.1", "smart_top_risks", 6, 6, 6),
    ("4.1", "not_monitored", 0, 0, 0),
    ("4.1", "self_assessment", 1, 2, 6),
    ("4.1", "own_visits", 3, 6, 6),
    ("4.1", "independent", 6, 6, 6),
    ("5.1", "none", 0, 0, 0),
    ("5.1", "general", 1, 2, 4),
    ("5.1", "trustone_guide", 2, 4, 4),
    ("5.1", "csrd", 4, 4, 4),
]


@pytest.fixture
def framework() -> Framework:
    return Framework.objects.get(version=1)


def question_max(question: Question, size: str) -> Decimal:
    if question.source != "answered":
        return question.computed_max_points
    return max(option.points_for(size) for option in question.options.all())


def total_max(questions, size: str) -> Decimal:
    return sum((question_max(q, size) for q in questions), Decimal(0))


def test_framework_version_1_is_published(framework):
    assert framework.name == "Beoordelingskader TruStone 2025"
    assert framework.valid_from.isoformat() == "2025-03-01"
    assert framework.is_published


def test_six_steps_with_titles(framework):
    titles = list(framework.steps.values_list("number", "title_nl", "title_en"))
    assert titles == [
        (1, "Beleid", "Policy"),
        (2, "Inzicht", "Analysis (insight)"),
        (3, "Actie", "Action"),
        (4, "Monitoring", "Monitoring"),
        (5, "Communicatie", "Communication"),
        (6, "Herstel en klachten", "Remedy and complaints"),
    ]


def test_22_questions_in_order(framework):
    questions = list(framework.questions.order_by("order"))
    assert [q.code for q in questions] == CODES
    assert [q.order for q in questions] == list(range(1, 23))
    for question in questions:
        assert question.code.startswith(f"{question.step.number}.")
        assert question.step.framework_id == framework.pk


def test_categories(framework):
    for question in framework.questions.all():
        expected = "BC" if question.code in CATEGORY_B_CODES else "C"
        assert question.categories == expected, question.code


def test_computed_questions(framework):
    computed = {q.code: q for q in framework.questions.exclude(source="answered")}
    assert set(computed) == {"2.1a", "2.1b"}
    assert computed["2.1a"].source == "factory_insight"
    assert computed["2.1b"].source == "quarry_insight"
    for question in computed.values():
        assert question.computed_max_points == Decimal(5)
        assert not question.options.exists()
    for question in framework.questions.filter(source="answered"):
        assert question.computed_max_points == 0
        assert question.options.count() >= 2, question.code


@pytest.mark.parametrize("size", SIZES)
def test_category_c_maximum_is_102(framework, size):
    questions = framework.questions.filter(categories__contains="C")
    assert questions.count() == 22
    assert total_max(questions, size) == 102


@pytest.mark.parametrize("size", SIZES)
def test_step_maxima(framework, size):
    maxima = {step.number: total_max(step.questions.all(), size) for step in framework.steps.all()}
    assert maxima == STEP_MAXIMA


@pytest.mark.parametrize("size", SIZES)
def test_category_b_maximum_is_25(framework, size):
    questions = framework.questions.filter(categories__contains="B")
    assert {q.code for q in questions} == CATEGORY_B_CODES
    assert total_max(questions, size) == 25


def test_texts_in_dutch_and_english(framework):
    for question in framework.questions.all():
        assert question.text_nl.strip() and question.text_en.strip(), question.code
        assert question.text_nl != question.text_en, question.code
    options = AnswerOption.objects.filter(question__framework=framework)
    assert options.exists()
    for option in options:
        assert option.text_nl.strip() and option.text_en.strip(), str(option)


def test_option_points_within_question_maximum(framework):
    for question in framework.questions.filter(source="answered"):
        options = list(question.options.all())
        assert options[0].points_large == options[0].points_small == 0, question.code
        assert len({o.code for o in options}) == len(options)
        for size in SIZES:
            maximum = question_max(question, size)
            for option in options:
                assert 0 <= option.points_for(size) <= maximum, (str(option), size)


@pytest.mark.parametrize(("code", "option_code", "large", "medium", "small"), SIZE_DEPENDENT)
def test_size_dependent_points(framework, code, option_code, large, medium, small):
    option = AnswerOption.objects.get(
        question__framework=framework, question__code=code, code=option_code
    )
    assert (option.points_large, option.points_medium, option.points_small) == (
        Decimal(large),
        Decimal(medium),
        Decimal(small),
    )


def test_size_dependent_rows_have_exactly_these_options(framework):
    for code in {row[0] for row in SIZE_DEPENDENT}:
        expected = [row[1] for row in SIZE_DEPENDENT if row[0] == code]
        question = framework.questions.get(code=code)
        assert list(question.options.values_list("code", flat=True)) == expected


def test_only_the_listed_rows_depend_on_size(framework):
    varying = {
        option.question.code
        for option in AnswerOption.objects.filter(question__framework=framework)
        if len({option.points_large, option.points_medium, option.points_small}) > 1
    }
    assert varying == {"1.1", "1.4", "3.1", "4.1", "5.1"}


def test_migration_is_idempotent_and_reversible(framework):
    """Run the migration's functions again with the historical models they get in a real
    migrate: a second run changes nothing; the reverse removes version 1 completely."""
    migration = importlib.import_module("assessments.migrations.0004_framework_v1")
    loader = MigrationExecutor(connection).loader
    state_apps = loader.project_state(("assessments", "0004_framework_v1")).apps

    def counts() -> tuple[int, int, int]:
        return (
            Step.objects.filter(framework__version=1).count(),
            Question.objects.filter(framework__version=1).count(),
            AnswerOption.objects.filter(question__framework__version=1).count(),
        )

    before = counts()
    assert before[:2] == (6, 22)
    migration.add_framework_v1(state_apps, None)
    assert Framework.objects.get(version=1).pk == framework.pk
    assert counts() == before

    migration.remove_framework_v1(state_apps, None)
    assert not Framework.objects.filter(version=1).exists()
    assert counts() == (0, 0, 0)

    migration.add_framework_v1(state_apps, None)
    assert counts() == before
