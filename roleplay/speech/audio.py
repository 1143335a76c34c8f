"""Audio a client sends, checked before any model hears it: its size, its length, and whether
anything was said in it.

Decoding goes through PyAV (FFmpeg's libraries, which faster-whisper uses too). We decode here,
not with ``faster_whisper.decode_audio``, to stop at the length cap instead of after decoding
an hour of audio, and to hand every speech-to-text engine the same clean 16 kHz mono samples.
"""

from __future__ import annotations

import io
import itertools
import math
import wave
from pathlib import Path

import numpy as np

from roleplay.speech.errors import NOT_INSTALLED, SpeechError

RATE = 16_000
# What a file may weigh per second of the cap: 48 kHz stereo 16-bit WAV is 192 kB a second;
# a browser's recording (WebM/Opus) is far lighter.
BYTES_PER_SECOND = 192_000
# Below these, nothing was said: about -50 dBFS on average, and too short to hold a word.
SILENCE_RMS = 0.003
SHORTEST_SECONDS = 0.3
FORMATS = "WAV, WebM, Ogg, MP3, M4A or FLAC"
NOT_A_RECORDING = f"That file is not a recording this app can read ({FORMATS})."


def too_long(max_seconds: float) -> SpeechError:
    return SpeechError(
        f"Your answer runs over {max_seconds:g} seconds, the limit for one answer "
        "(ROLEPLAY_MAX_ANSWER_SECONDS). Record a shorter one."
    )


def load(path: Path, max_seconds: float) -> np.ndarray:
    """The recording at ``path`` as 16 kHz mono float samples, or a ``SpeechError`` saying why
    it cannot be used (empty, too big, too long, not audio, silent)."""
    try:
        import av
    except ImportError:
        raise SpeechError(NOT_INSTALLED) from None
    try:
        size = path.stat().st_size
    except OSError:
        raise SpeechError("The recording did not arrive: record your answer again.") from None
    if size == 0:
        raise SpeechError("The recording is empty: record your answer again.")
    if size > max_seconds * BYTES_PER_SECOND + 1_000_000:
        raise SpeechError(
            f"The recording is {size / 1e6:.1f} MB, more than an answer of {max_seconds:g} "
            "seconds can be (ROLEPLAY_MAX_ANSWER_SECONDS). Record a shorter one."
        )
    demuxer = container_format(path)
    cap = math.ceil((max_seconds + 0.5) * RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        # Opened as a file object with its format named: FFmpeg neither guesses the format nor
        # opens anything by name (no protocol, playlist or other file of the server's).
        with (
            path.open("rb") as handle,
            av.open(handle, mode="r", format=demuxer, metadata_errors="ignore") as container,
        ):
            stream = next(iter(container.streams.audio), None)
            if stream is None:
                raise SpeechError(NOT_A_RECORDING)
            if container.duration and container.duration / av.time_base > max_seconds + 0.5:
                raise too_long(max_seconds)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
            # One frame at a time (None flushes the resampler): decoding stops at the cap.
            for frame in itertools.chain(container.decode(stream), [None]):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1)
                    chunks.append(chunk)
                    total += len(chunk)
                    # The header may lie about the length; the samples cannot.
                    if total > cap:
                        raise too_long(max_seconds)
    except SpeechError:
        raise
    except (av.FFmpegError, OSError, ValueError):
        raise SpeechError(NOT_A_RECORDING) from None
    samples = (
        np.concatenate(chunks).astype(np.float32) / 32768.0 if chunks else np.zeros(0, np.float32)
    )
    check_speech(samples)
    return samples


def container_format(path: Path) -> str:
    """The FFmpeg demuxer for a recording, known by its first bytes; a ``SpeechError`` for
    anything that is not one of the audio containers taken. FFmpeg left to guess would also
    open playlists (HLS, concat, SDP), and those read other files and addresses: an uploaded
    playlist naming a file on the server would have it transcribed."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        raise SpeechError("The recording did not arrive: record your answer again.") from None
    for test, demuxer in _CONTAINERS:
        if test(head):
            return demuxer
    raise SpeechError(NOT_A_RECORDING)


_CONTAINERS = (
    (lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE", "wav"),
    (lambda h: h[:4] == b"\x1a\x45\xdf\xa3", "matroska"),  # WebM (Chrome, Firefox)
    (lambda h: h[:4] == b"OggS", "ogg"),  # Ogg Opus (Firefox)
    (lambda h: h[4:8] == b"ftyp", "mp4"),  # MP4/M4A (Safari)
    (lambda h: h[:4] == b"fLaC", "flac"),
    # MP3: an ID3 tag, or straight into an MPEG audio frame (11 sync bits, layer III).
    (lambda h: h[:3] == b"ID3" or (len(h) > 1 and h[0] == 0xFF and h[1] & 0xE6 == 0xE2), "mp3"),
)


def check_speech(samples: np.ndarray) -> None:
    """Refuse a recording too short or too quiet to hold an answer."""
    if len(samples) < SHORTEST_SECONDS * RATE:
        raise SpeechError("The recording is too short to hold an answer: record it again.")
    if float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) < SILENCE_RMS:
        raise SpeechError(
            "No speech was heard in the recording. Check that the right microphone is chosen "
            "and not muted, then record your answer again."
        )


def seconds(samples: np.ndarray) -> float:
    return len(samples) / RATE


def wav_bytes(samples: np.ndarray, rate: int = RATE) -> bytes:
    """Float samples (-1..1) or 16-bit integers as a mono WAV file."""
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(samples.tobytes())
    return out.getvalue()


def read_wav(data: bytes) -> tuple[int, np.ndarray]:
    """A 16-bit WAV file's rate and its samples as 16-bit integers, channels mixed to mono;
    a ``SpeechError`` for anything else."""
    try:
        with wave.open(io.BytesIO(data)) as file:
            rate, channels, width = file.getframerate(), file.getnchannels(), file.getsampwidth()
            raw = file.readframes(file.getnframes())
    except (wave.Error, EOFError):
        raise SpeechError("The audio is not a WAV file.") from None
    if width != 2 or channels < 1:
        raise SpeechError("The audio is not 16-bit WAV.")
    samples = np.frombuffer(raw[: len(raw) // (2 * channels) * 2 * channels], dtype=np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return rate, samples
