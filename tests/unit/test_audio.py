"""A recording is checked before any speech engine hears it: kind, size, length and sound."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from roleplay.speech import SpeechError
from roleplay.speech.audio import RATE, load
from tests.support.sounds import silence, tone, write_encoded, write_wav


def test_a_stereo_recording_at_another_rate_becomes_16_khz_mono(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "answer.wav", tone(1.5, 44_100), 44_100, channels=2)
    samples = load(path, max_seconds=10)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) - 1.5 * RATE) < 0.05 * RATE


def test_a_recording_over_the_cap_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "long.wav", tone(4.0))
    with pytest.raises(SpeechError, match=r"over 3 seconds.*ROLEPLAY_MAX_ANSWER_SECONDS"):
        load(path, max_seconds=3)


def test_a_recording_just_under_the_cap_is_taken(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "fits.wav", tone(2.9))
    assert len(load(path, max_seconds=3)) > 2.8 * RATE


def test_a_file_too_big_for_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.wav"
    path.write_bytes(b"\0" * 1_400_000)  # more than one second can weigh, whatever it holds
    with pytest.raises(SpeechError, match=r"1\.4 MB"):
        load(path, max_seconds=1)


def test_an_empty_recording_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.webm"
    path.write_bytes(b"")
    with pytest.raises(SpeechError, match="empty"):
        load(path, max_seconds=10)


def test_a_file_that_is_not_audio_names_the_formats_taken(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("Dear hiring manager, this is not a recording.\n" * 20)
    with pytest.raises(SpeechError, match=r"not a recording this app can read.*WAV, WebM"):
        load(path, max_seconds=10)


def test_silence_is_refused_with_a_hint_about_the_microphone(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "quiet.wav", silence(2.0))
    with pytest.raises(SpeechError, match=r"No speech was heard.*microphone"):
        load(path, max_seconds=10)


def test_a_click_too_short_to_be_an_answer_is_refused(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "click.wav", tone(0.1))
    with pytest.raises(SpeechError, match="too short"):
        load(path, max_seconds=10)


def test_a_missing_file_says_the_recording_did_not_arrive(tmp_path: Path) -> None:
    with pytest.raises(SpeechError, match="did not arrive"):
        load(tmp_path / "gone.wav", max_seconds=10)


class _UnknownLength:
    """A container that does not know its length (as a live WebM recording may not), and
    counts the frames it decodes."""

    def __init__(self, container) -> None:
        self.container, self.decoded = container, 0

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.container.close()

    duration = None

    @property
    def streams(self):
        return self.container.streams

    def decode(self, stream):
        for frame in self.container.decode(stream):
            self.decoded += 1
            yield frame


def test_decoding_stops_at_the_cap_when_the_length_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import av

    path = write_wav(tmp_path / "endless.wav", tone(30.0))
    opened: list[_UnknownLength] = []
    real_open = av.open
    monkeypatch.setattr(
        av, "open", lambda *a, **k: opened.append(_UnknownLength(real_open(*a, **k))) or opened[-1]
    )
    with pytest.raises(SpeechError, match="over 3 seconds"):
        load(path, max_seconds=3)
    with real_open(str(path)) as whole:
        frames = sum(1 for _ in whole.decode(audio=0))
    assert opened[0].decoded < frames / 5, "the rest of the file is never decoded"


# A finished HLS playlist (one still open makes FFmpeg wait for more, for ever).
PLAYLIST = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n{entry}\n#EXT-X-ENDLIST\n"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("answer.m3u8", PLAYLIST.format(entry="{target}")),
        ("answer.m3u8", PLAYLIST.format(entry="file://{target}")),
        ("answer.ffconcat", "ffconcat version 1.0\nfile '{target}'\n"),
        ("answer.sdp", "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nt=0 0\n"),
    ],
)
def test_a_file_naming_other_files_is_no_recording(tmp_path: Path, name: str, text: str) -> None:
    # A recording elsewhere on the server, in a kind FFmpeg's HLS reader follows: FFmpeg left
    # to guess the uploaded file's format would decode it as the answer.
    target = write_encoded(tmp_path / "on-the-server.mp3", tone(2.0, 48_000), "libmp3lame")
    fake = tmp_path / name
    fake.write_text(text.format(target=target))
    with pytest.raises(SpeechError, match="not a recording this app can read"):
        load(fake, max_seconds=10)


@pytest.mark.parametrize(
    ("name", "codec"),
    [("answer.webm", "libopus"), ("answer.ogg", "libopus"), ("answer.m4a", "aac"),
     ("answer.mp3", "libmp3lame"), ("answer.flac", "flac")],
)  # fmt: skip
def test_real_audio_containers_are_taken(tmp_path: Path, name: str, codec: str) -> None:
    path = write_encoded(tmp_path / name, tone(1.0, 48_000), codec)
    assert abs(len(load(path, max_seconds=10)) - RATE) < 0.1 * RATE


def test_a_transport_stream_is_no_recording(tmp_path: Path) -> None:
    path = write_encoded(tmp_path / "answer.ts", tone(1.0, 48_000), "mp2")
    with pytest.raises(SpeechError, match="not a recording this app can read"):
        load(path, max_seconds=10)
