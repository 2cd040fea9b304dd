"""``govreport serve``: the fill-in form in a browser, served from this machine."""

from __future__ import annotations

import ipaddress
import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from govreport.cli.common import UnreadableInput, engine

if TYPE_CHECKING:
    import uvicorn

#: Seconds a stop (Ctrl-C, SIGTERM) waits for requests still being answered.
SHUTDOWN_SECONDS = 10

#: The data folder when none is given: drafts beside where the command runs.
DEFAULT_DATA = Path("govreport-drafts")


def is_local(host: str) -> bool:
    """Whether ``host`` binds to this machine only (loopback)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="监听地址；默认只有本机能访问 (address to bind; default: this machine only)",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="端口 (port)",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_DATA,
    show_default=True,
    help="草稿和机关模板所在的文件夹 (folder of the drafts and the agency template)",
)
def serve(host: str, port: int, data_dir: Path) -> None:
    """在浏览器中填报年度报告（本机网页表单）(the report form in a browser).

    退出状态 (exit status)：0 已停止（Ctrl-C 或 SIGTERM）；2 端口已被占用或文件夹无法使用。
    """
    import uvicorn

    from govreport.serve.app import create_app
    from govreport.serve.security import LOCAL_HOSTS, ServeSettings

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnreadableInput(
            f"无法使用草稿文件夹 {data_dir}：{exc.strerror or exc} (cannot use the data folder)"
        ) from None
    local = is_local(host)
    # Bound to this machine, the app answers only to its names (a page of
    # another site pointed at 127.0.0.1 gets nothing); bound to a network,
    # people reach it by any name the network gives it.
    settings = ServeSettings(allowed_hosts=LOCAL_HOSTS if local else ("*",))
    app = create_app(data_dir, engine=engine(), settings=settings)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="off",
        server_header=False,
        # Stopping waits this long for a download being made (a PDF), no longer.
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )
    server = _server_class()(config)
    try:
        sockets = [config.bind_socket()]
    except SystemExit:  # uvicorn's way of saying the address is taken
        raise UnreadableInput(
            f"无法监听 {host}:{port}（端口已被占用或地址无效）(cannot bind the address)"
        ) from None
    bound = sockets[0].getsockname()[1]
    if not local:
        click.echo(
            f"警告 (warning)：监听 {host}，网络上任何人都能访问此表单和草稿 "
            "(anyone on the network can reach it)",
            err=True,
        )
    click.echo(f"已启动 (serving)：{_url(host, bound)}")
    click.echo(f"草稿文件夹 (drafts)：{data_dir}；按 Ctrl-C 停止 (Ctrl-C to stop)")
    try:
        server.run(sockets=sockets)
    finally:
        for sock in sockets:
            sock.close()
    click.echo("已停止 (stopped)")


def _server_class() -> type[uvicorn.Server]:
    """uvicorn's server, except that Ctrl-C and SIGTERM stop it and that is all.

    uvicorn raises the signal again after its graceful shutdown, which would
    end the command as an interruption (exit 130, 143); stopping the server is
    what was asked for, so the command ends normally after it.
    """

    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            if self.should_exit and sig == signal.SIGINT:
                self.force_exit = True  # a second Ctrl-C: do not wait for open requests
            else:
                self.should_exit = True

    return Server
