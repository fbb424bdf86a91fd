// Frame glue for the app's server-rendered pages: fit the portal's iframe to the page, and finish the
// installation when the installer page says so. BX24 is the Bitrix24 frame library loaded by the layout.
import './app.css';

function withFrame(callback) {
    if (typeof window.BX24 === 'undefined' || window.parent === window) {
        return;
    }
    window.BX24.init(callback);
}

function fitFrame() {
    window.BX24.fitWindow();
}

document.addEventListener('DOMContentLoaded', () => {
    withFrame(() => {
        fitFrame();
        if (document.querySelector('[data-install-finish="true"]')) {
            window.BX24.installFinish();
        }
        window.addEventListener('resize', fitFrame);
    });
});
