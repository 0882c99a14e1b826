# PyInstaller runtime hook (see article-editor.spec): runs before the app's code.
from editor_app.frozen import configure

configure()
