"""RSS and Atom feeds of the news archive."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _


class NewsRssFeed(Feed):
    description = _(
        "Nyheter, inbjudningar och rapporter från kansliet för Överenskommelsen."
    )
    language = "sv"

    def __init__(self, index_page, author):
        super().__init__()
        self.index_page = index_page
        # {"name", "email"}: the feed's and every item's (RFC 4287 §4.1.1 wants an
        # author on an Atom feed or on each of its entries; both have one here).
        self.author = author

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def items(self):
        return self.index_page.news()[:30]

    def author_name(self):
        return self.author["name"]

    def author_email(self):
        return self.author["email"] or None

    def item_author_name(self, item):
        return self.author_name()

    def item_author_email(self, item):
        return self.author_email()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time(8))
        )

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
