// A statement's video is a poster drawn by this site, linking to the video: nothing comes from
// the video site until the reader clicks it. Then, here, the privacy-enhanced player takes its place.
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var poster = e.target.closest && e.target.closest('figure.video a.video-poster');
    if (!poster) return;
    var figure = poster.parentNode;
    var player = figure.getAttribute('data-player');
    if (!/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(player)) return;
    e.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = player;
    frame.title = poster.textContent.replace('▶', '').trim();
    frame.allow = 'autoplay; fullscreen; picture-in-picture';
    frame.allowFullscreen = true;
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    figure.replaceChild(frame, poster);
    frame.focus();
  });
})();
