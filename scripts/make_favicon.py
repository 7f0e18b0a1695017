"""Draw root_files/favicon.ico from the shapes of static/favicon.svg, with Pillow.

Browsers that cannot use the SVG icon, and crawlers, ask for /favicon.ico; whitenoise
serves root_files/ at the site's root (WHITENOISE_ROOT). Run again after changing the
SVG, and commit the file:

    .venv/bin/python -m scripts.make_favicon

The icon is drawn at 16 times the SVG's 32 × 32 and scaled down to each size.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "root_files" / "favicon.ico"
SIZES = [(16, 16), (32, 32), (48, 48)]
SCALE = 16

# static/favicon.svg: <rect width="32" height="32" rx="6" fill="#0b5a4a"/> and
# <path d="M9 17l5 5 9-12" stroke="#fff" stroke-width="3.5" round caps and joins/>.
BACKGROUND = "#0b5a4a"
CORNER_RADIUS = 6
TICK = [(9, 17), (14, 22), (23, 10)]
TICK_COLOUR = "#ffffff"
TICK_WIDTH = 3.5


def draw():
    side = 32 * SCALE
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    canvas.rounded_rectangle(
        (0, 0, side - 1, side - 1), radius=CORNER_RADIUS * SCALE, fill=BACKGROUND
    )
    points = [(x * SCALE, y * SCALE) for x, y in TICK]
    width = round(TICK_WIDTH * SCALE)
    canvas.line(points, fill=TICK_COLOUR, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        r = width / 2
        canvas.ellipse((x - r, y - r, x + r, y + r), fill=TICK_COLOUR)
    return image


def main():
    image = draw()
    TARGET.parent.mkdir(exist_ok=True)
    # Pillow scales the large image down to each size it writes.
    image.save(TARGET, format="ICO", sizes=SIZES)
    print(f"{TARGET.relative_to(ROOT)}: {', '.join(f'{w}×{h}' for w, h in SIZES)}")  # noqa: T201


if __name__ == "__main__":
    main()
