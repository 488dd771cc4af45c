// Behaviour that used to sit in inline event handlers (onclick, onsubmit, onchange): the Content-Security-Policy
// allows no inline script, so pages mark elements with data attributes instead.
(function () {
    'use strict';
    // <form data-confirm="…"> and <button data-confirm="…">: ask before submitting.
    document.addEventListener('click', function (e) {
        var button = e.target.closest('button[data-confirm], input[type=submit][data-confirm]');
        if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
            e.preventDefault();
        }
    });
    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            e.preventDefault();
        }
    });
    // <select data-autosubmit>: choosing a value submits its form.
    document.addEventListener('change', function (e) {
        if (e.target.matches('[data-autosubmit]') && e.target.form) {
            e.target.form.submit();
        }
    });
})();
