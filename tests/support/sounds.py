"""Sounds for the speech tests, made on the spot: tones, silence, and WAV files of them."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np

from roleplay.speech.audio import read_wav


def tone(seconds: float, rate: int = 16_000, pitch: float = 220.0) -> np.ndarray:
    """A steady hum loud enough to pass the silence check (float samples)."""
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * pitch * t)).astype(np.float32)


def silence(seconds: float, rate: int = 16_000) -> np.ndarray:
    return np.zeros(int(seconds * rate), dtype=np.float32)


def wav(samples: np.ndarray, rate: int = 16_000, channels: int = 1) -> bytes:
    """Float samples as a 16-bit WAV file (the same samples on every channel)."""
    data = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    if channels > 1:
        data = np.repeat(data, channels)
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(channels)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(data.tobytes())
    return out.getvalue()


def write_wav(path: Path, samples: np.ndarray, rate: int = 16_000, channels: int = 1) -> Path:
    path.write_bytes(wav(samples, rate, channels))
    return path


def wav_samples(data: bytes) -> tuple[int, np.ndarray]:
    """A 16-bit WAV file's rate and float samples."""
    rate, raw = read_wav(data)
    return rate, raw.astype(np.float32) / 32768.0


def write_encoded(path: Path, samples: np.ndarray, codec: str, rate: int = 48_000) -> Path:
    """Float samples (at ``rate``) encoded with FFmpeg's ``codec`` into the container that
    ``path``'s suffix names (.webm, .ogg, .m4a, .mp3, .ts…)."""
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        data = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(data, format="s16", layout="mono")
        frame.rate = rate
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    return path
