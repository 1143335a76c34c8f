"""Local speech on this machine: Piper's speed, Whisper tiny.en's speed and word error rate,
whether spoken fillers survive, and whether a long pause is found.

Usage: .venv/bin/python bench/speech.py [--repeat N] [--threads N] [--json]

Piper (en_US-joe-medium) says eight interview-answer sentences (numbers in words, names, fillers,
a question); Whisper tiny.en (int8, CPU) hears each WAV back through ``Speech.transcribe``, the
app's own path (decode, checks, transcription). Both models are loaded, with one short call
each, before anything is timed; those load times are printed apart. Per sentence: the audio's
length, the seconds to synthesise and to transcribe it, the word error rate and the transcript.
Real-time factor (RTF) is seconds of work over seconds of audio: below 1 is faster than speech.

Word error rate is the word-level edit distance over the reference's word count, after both
texts are normalised the same way: lowercase, punctuation dropped, "%" read as "percent",
numbers in words turned into digits ("seventy" and "70" are one word, "twelve thousand" and
"12,000" too) and drawn-out hesitations read as their short form ("umm" is "um").

Fillers: the "um"s and "uh"s Piper says, counted as ``roleplay.core.wording`` counts them, against
those in the transcript. Pause: two sentences joined by 2.5 s of silence; ``delivery.measure``
should find exactly one long pause. ``--repeat N`` runs every sentence N times (the table shows
median seconds and mean WER; the overall WER counts every run). Nothing goes over the network.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from roleplay.core.delivery import LONG_PAUSE_SECONDS  # noqa: E402
from roleplay.core.settings import Settings  # noqa: E402
from roleplay.core.wording import count_fillers, words  # noqa: E402
from roleplay.speech import Transcript, measure  # noqa: E402
from roleplay.speech.audio import wav_bytes  # noqa: E402
from roleplay.speech.evaluation import edit_distance, normalise  # noqa: E402
from roleplay.wiring.speech import Speech  # noqa: E402

SENTENCES = [
    "I led a team of five analysts at Larkspur Health for three years.",
    "We cut the time it takes to close the monthly books by seventy percent.",
    "Um, I think the hardest part was, uh, getting the sales team to trust the new dashboard.",
    "My manager, Priya Raman, asked me to rebuild the churn model in two thousand nineteen.",
    "The pilot reached twelve thousand customers in its first quarter.",
    "Could you tell me how the team measures success in the first ninety days?",
    "When the migration slipped, I wrote a new plan with Jonas Whitfield and we shipped it.",
    "Uh, honestly, I would, um, start by listening to the people who use the product every day.",
]
PAUSE_PARTS = (
    "I moved every weekly report to the new warehouse.",
    "After that, the team stopped waiting for numbers.",
)
PAUSE_SECONDS = 2.5
HESITATIONS = ("um", "uh")


def hesitations(text: str) -> int:
    found = count_fillers(words(text))
    return sum(found[h] for h in HESITATIONS)


def kept_hesitations(said: str, heard: str) -> int:
    said_counts, heard_counts = count_fillers(words(said)), count_fillers(words(heard))
    return sum(min(said_counts[h], heard_counts[h]) for h in HESITATIONS)


def read_wav(data: bytes) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(data)) as file:
        rate = file.getframerate()
        samples = np.frombuffer(file.readframes(file.getnframes()), dtype=np.int16)
    return samples, rate


def edge_silence(samples: np.ndarray, rate: int, threshold: int = 300) -> tuple[float, float]:
    """Seconds of near-silence at the start and at the end of Piper's audio."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    if not len(loud):
        return len(samples) / rate, 0.0
    return loud[0] / rate, (len(samples) - 1 - loud[-1]) / rate


def hear(speech: Speech, data: bytes, folder: Path, name: str) -> tuple[Transcript, float]:
    path = folder / f"{name}.wav"
    path.write_bytes(data)
    start = time.perf_counter()
    transcript = speech.transcribe(path)
    return transcript, time.perf_counter() - start


def load_models(speech: Speech, folder: Path) -> dict[str, float]:
    """Each model loaded by one short call (the engines load on first use), timed apart."""
    start = time.perf_counter()
    data = speech.say("Thank you for having me.")
    tts = time.perf_counter() - start
    _, stt = hear(speech, data, folder, "warm-up")
    return {"tts_load_seconds": round(tts, 3), "stt_load_seconds": round(stt, 3)}


def run_sentences(speech: Speech, folder: Path, repeat: int) -> list[dict]:
    rows = []
    for number, sentence in enumerate(SENTENCES, 1):
        audio, synth, stt, errors, kept, heard = [], [], [], [], 0, ""
        for _ in range(repeat):
            start = time.perf_counter()
            data = speech.say(sentence)
            synth.append(time.perf_counter() - start)
            samples, rate = read_wav(data)
            audio.append(len(samples) / rate)
            transcript, seconds = hear(speech, data, folder, f"sentence-{number}")
            stt.append(seconds)
            heard = transcript.text
            errors.append(edit_distance(normalise(sentence), normalise(heard)))
            kept += kept_hesitations(sentence, heard)
        reference = len(normalise(sentence))
        rows.append(
            {
                "sentence": number,
                "text": sentence,
                "audio_seconds": round(statistics.median(audio), 3),
                "synth_seconds": round(statistics.median(synth), 3),
                "stt_seconds": round(statistics.median(stt), 3),
                "synth_rtf": round(
                    statistics.mean(s / a for s, a in zip(synth, audio, strict=True)), 3
                ),
                "stt_rtf": round(
                    statistics.mean(s / a for s, a in zip(stt, audio, strict=True)), 3
                ),
                "reference_words": reference,
                "word_errors": sum(errors),
                "runs": repeat,
                "wer": round(sum(errors) / (reference * repeat), 3),
                "hesitations_said": hesitations(sentence) * repeat,
                "hesitations_kept": kept,
                "transcript": heard,  # the last run's
                "_totals": (sum(audio), sum(synth), sum(stt)),
            }
        )
    return rows


def run_pause(speech: Speech, folder: Path) -> dict:
    (first, rate), (second, second_rate) = (read_wav(speech.say(part)) for part in PAUSE_PARTS)
    assert rate == second_rate
    gap = np.zeros(round(PAUSE_SECONDS * rate), dtype=np.int16)
    joined = np.concatenate([first, gap, second])
    # The silence a listener hears: the gap, plus the quiet Piper leaves at its own edges.
    silent = PAUSE_SECONDS + edge_silence(first, rate)[1] + edge_silence(second, rate)[0]
    transcript, seconds = hear(speech, wav_bytes(joined, rate), folder, "pause")
    delivery = measure(transcript)
    return {
        "inserted_seconds": PAUSE_SECONDS,
        "silence_between_words_seconds": round(silent, 2),
        "long_pauses": [p.seconds for p in delivery.long_pauses],
        "found_exactly_one": len(delivery.long_pauses) == 1,
        "after_word": delivery.long_pauses[0].after if delivery.long_pauses else None,
        "words_per_minute": delivery.words_per_minute,
        "stt_seconds": round(seconds, 3),
        "transcript": transcript.text,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per sentence (default 1)")
    parser.add_argument("--threads", type=int, default=None, help="Whisper's CPU threads")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    local = {"local_threads": args.threads} if args.threads else {}
    speech = Speech(Settings(stt="local", tts="local", **local))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        load = load_models(speech, folder)
        rows = run_sentences(speech, folder, args.repeat)
        pause = run_pause(speech, folder)
    audio = sum(r["_totals"][0] for r in rows)
    synth = sum(r["_totals"][1] for r in rows)
    stt = sum(r["_totals"][2] for r in rows)
    errors = sum(r["word_errors"] for r in rows)
    reference = sum(r["reference_words"] * r["runs"] for r in rows)
    said = sum(r["hesitations_said"] for r in rows)
    summary = {
        "sentences": len(rows),
        "repeat": args.repeat,
        "audio_seconds_total": round(audio, 2),
        "synth_rtf_mean": round(statistics.mean(r["synth_rtf"] for r in rows), 3),
        "synth_rtf_total": round(synth / audio, 3),
        "stt_rtf_mean": round(statistics.mean(r["stt_rtf"] for r in rows), 3),
        "stt_rtf_total": round(stt / audio, 3),
        "word_errors": errors,
        "reference_words": reference,
        "wer": round(errors / reference, 4),
        "hesitations_said": said,
        "hesitations_kept": sum(r["hesitations_kept"] for r in rows),
        **load,
        "whisper_cpu_threads": speech.settings.local_threads or 0,
        "cpu_count": os.cpu_count(),
    }
    for row in rows:
        del row["_totals"]
    if args.json:
        print(json.dumps({"summary": summary, "sentences": rows, "pause": pause}, indent=2))
        return
    report(rows, summary, pause)


def report(rows: list[dict], summary: dict, pause: dict) -> None:
    print(f"{'#':>2} {'audio s':>8} {'synth s':>8} {'STT s':>7} {'WER':>6}  transcript")
    for r in rows:
        print(
            f"{r['sentence']:>2} {r['audio_seconds']:>8.2f} {r['synth_seconds']:>8.2f} "
            f"{r['stt_seconds']:>7.2f} {r['wer']:>6.3f}  {r['transcript']}"
        )
    s = summary
    print(
        f"audio: {s['audio_seconds_total']:.1f} s over {s['sentences']} sentences "
        f"x {s['repeat']} run(s)"
    )
    print(f"synthesis RTF: mean {s['synth_rtf_mean']:.3f}, total {s['synth_rtf_total']:.3f}")
    print(f"transcription RTF: mean {s['stt_rtf_mean']:.3f}, total {s['stt_rtf_total']:.3f}")
    print(
        f"overall WER: {s['wer']:.3f} ({s['word_errors']} errors in {s['reference_words']} words)"
    )
    print(f"fillers kept: {s['hesitations_kept']} of {s['hesitations_said']} (um, uh)")
    print(
        f"load (with one short call): Piper {s['tts_load_seconds']:.2f} s, "
        f"Whisper {s['stt_load_seconds']:.2f} s"
    )
    threads = s["whisper_cpu_threads"] or "0 (CTranslate2's default)"
    print(
        f"threads: Whisper cpu_threads {threads}; Piper onnxruntime default; CPUs {s['cpu_count']}"
    )
    found = ", ".join(f"{p:.2f} s" for p in pause["long_pauses"]) or "none"
    print(
        f"pause: {pause['inserted_seconds']} s of silence inserted "
        f"({pause['silence_between_words_seconds']:.2f} s between the words); long pauses "
        f"(>= {LONG_PAUSE_SECONDS:g} s) found: {found}; exactly one: "
        f"{'yes' if pause['found_exactly_one'] else 'no'}"
    )
    print(f"pause transcript: {pause['transcript']}")


if __name__ == "__main__":
    main()
