"""The site's one reusable StreamBlock and the blocks it is made of."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from . import personal_data

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Rubrik 2")), ("h3", _("Rubrik 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "home/blocks/heading.html"
        description = _("En mellanrubrik som delar upp texten.")
        preview_value = {"text": "Vad betyder dialog i vår kommun?", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(
        label=_("Vem sa det"), required=False, max_length=200
    )

    class Meta:
        icon = "openquote"
        label = _("Citat")
        template = "home/blocks/quote.html"
        description = _("Ett citat med vem som sa det.")
        preview_value = {
            "text": "Överenskommelsen blev verklighet först när vi satte oss vid samma bord.",
            "attribution": "Ordförande i en lokal förening",
        }


class DiscussionQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Fråga"), max_length=400)
    hint = blocks.TextBlock(
        label=_("Stöd till samtalet"),
        required=False,
        help_text=_("Valfritt: en tanke att börja samtalet med."),
    )

    class Meta:
        icon = "help"
        label = _("Diskussionsfråga")
        template = "home/blocks/discussion_question.html"
        description = _("En fråga för cirkelns samtal, med valfritt stöd.")
        preview_value = {
            "question": "Hur märks principen om dialog i er verksamhet?",
            "hint": "Tänk på ett konkret möte det senaste året.",
        }


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Faktaruta")
        template = "home/blocks/fact_box.html"
        description = _("En avgränsad ruta med fakta som sticker ut från texten.")
        preview_value = {
            "title": "Visste du?",
            "text": "<p>Överenskommelsen undertecknades hösten 2008.</p>",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    label = blocks.CharBlock(
        label=_("Länktext"),
        required=False,
        max_length=200,
        help_text=_("Lämna tomt för att använda dokumentets titel."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokumentlänk")
        template = "home/blocks/document_link.html"
        description = _(
            "En länk till ett dokument att ladda ner, med filtyp och storlek."
        )

    def get_preview_value(self):
        # The preview shows the newest document, if there is one.
        document = get_document_model().objects.order_by("-pk").first()
        return {"document": document, "label": ""} if document else None


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Beskriv vad bilden visar för den som inte kan se den."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Bilden är bara dekorativ"),
        required=False,
        help_text=_("Kryssa bara i om bilden inte tillför någon information."),
    )
    caption = blocks.CharBlock(label=_("Bildtext"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "home/blocks/image.html"
        description = _("En bild med alternativtext och valfri bildtext.")

    def get_preview_value(self):
        image = get_image_model().objects.order_by("-pk").first()
        if image is None:
            return None
        return {
            "image": image,
            "alt_text": image.title,
            "decorative": False,
            "caption": "",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                {"alt_text": ValidationError(_("Skriv en alternativtext till bilden."))}
            )
        return value


class PersonalDataRegisterBlock(blocks.StaticBlock):
    """The register of personal data, as the code has it: it changes only with a deploy."""

    class Meta:
        icon = "lock"
        label = _("Register över personuppgifter")
        template = "home/blocks/personal_data_register.html"
        description = _(
            "Vilka personuppgifter webbplatsen sparar, varför, med vilken rättslig grund "
            "och hur länge. Hämtas från registret i koden, så sidan stämmer alltid med "
            "det webbplatsen gör."
        )
        admin_text = _(
            "Registret över personuppgifter visas här, med varje slag av uppgifter, "
            "ändamål, rättslig grund och lagringstid."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kinds"] = personal_data.kinds()
        return context

    def get_preview_value(self):
        # The block has no value of its own; its preview is the register itself.
        return None


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Stycke"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Löptext med fetstil, kursiv, listor och länkar."),
        preview_value="<p>Principerna i Överenskommelsen är en gemensam grund för samverkan.</p>",
    )
    quote = QuoteBlock()
    discussion_question = DiscussionQuestionBlock()
    fact_box = FactBoxBlock()
    document_link = DocumentLinkBlock()
    image = ImageBlock()

    class Meta:
        label = _("Innehåll")


class ContentBodyBlock(BodyBlock):
    """The body of generic pages: the body blocks and the register of personal data.

    Only a generic page (the privacy policy) has a place for the register, not study
    material or news.
    """

    personal_data_register = PersonalDataRegisterBlock()

    class Meta:
        label = _("Innehåll")
