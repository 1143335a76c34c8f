"""``roleplay speech …``: check the speech set-up without the browser (hear a recording, say a
line in an interviewer's voice, list the voices)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from roleplay.cli.common import out, parts, print_json

speech_app = typer.Typer(help="Check speech-to-text and the interviewers' voices.")


def register(app: typer.Typer) -> None:
    app.add_typer(speech_app, name="speech")


@speech_app.command("transcribe")
def transcribe(
    file: Path,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="The words with their timings, and the delivery figures."),
    ] = False,
) -> None:
    """Write out what is said in FILE (WAV, WebM, Ogg, MP3, M4A or FLAC)."""
    from roleplay.speech import SpeechError, measure

    if not file.is_file():
        raise SpeechError(f"There is no file {file}.")
    transcript = parts().speech.transcribe(file)
    if not as_json:
        out.print(transcript.text, markup=False, soft_wrap=True)
        return
    payload = {
        "text": transcript.text,
        "engine": transcript.engine,
        "audio_seconds": transcript.audio_seconds,
        "words": [w.model_dump() for w in transcript.words],
        "delivery": measure(transcript).model_dump(exclude={"heard"}),
    }
    print(json.dumps(payload, indent=2))


@speech_app.command("say")
def say(
    text: str,
    output: Annotated[Path, typer.Option("-o", "--output", help="The WAV file to write.")],
    persona: Annotated[
        str | None, typer.Option(help="Say it in this interviewer's voice and pace.")
    ] = None,
) -> None:
    """Say TEXT in an interviewer's voice, into a WAV file."""
    from roleplay.speech import SpeechError
    from roleplay.speech.audio import read_wav

    found = parts()
    who = found.library.get(persona) if persona else None
    wav = found.speech.say(text, who)
    try:
        output.write_bytes(wav)
    except OSError as error:
        raise SpeechError(f"Could not write {output}: {error.strerror or error}") from None
    rate, samples = read_wav(wav)
    seconds = len(samples) / rate
    voice = f" as {who.name}" if who else ""
    out.print(f"Wrote {output} ({seconds:.1f} s of speech{voice}).", markup=False, soft_wrap=True)


@speech_app.command("voices")
def voices(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """The voices interviewers can speak with, and the speech engines chosen."""
    from roleplay.cli.shapes import VoicesListing
    from roleplay.speech import SpeechError
    from roleplay.speech.errors import NOT_INSTALLED

    found = parts()
    config, speech = found.settings, found.speech
    if (config.stt != "off" and not speech.hears) or (config.tts != "off" and not speech.speaks):
        raise SpeechError(NOT_INSTALLED)
    names = speech.voice().names() if speech.speaks else []
    if as_json:
        print_json(VoicesListing(stt=config.stt, tts=config.tts, voices=names))
        return
    out.print(f"Speech-to-text: {config.stt}   Text-to-speech: {config.tts}", markup=False)
    if names:
        out.print("Voices:", markup=False)
        for name in names:
            out.print(f"  {name}", markup=False)
