//! Entering and leaving the terminal's raw mode and alternate screen. The guard restores the
//! terminal on every exit path: normal return, `?` errors (Drop) and panics (hook).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    pub terminal: Tui,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        let _ = self.terminal.show_cursor();
    }
}

impl TerminalGuard {
    /// Gives the terminal back, stops the process like the shell's Ctrl-Z does, and when the
    /// shell continues it (`fg`) takes the terminal again and redraws everything.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        let _ = self.terminal.show_cursor();
        stop_process();
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        // What was on the screen before is gone: the next frame must be drawn in full, not as a
        // diff. `Terminal::clear` would ask the terminal for the cursor position and wait for
        // the answer; instead the remembered frame is made blank (a frame of empty cells) and
        // the screen too, so the two agree again.
        self.terminal
            .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
        execute!(
            io::stdout(),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
        )
    }
}

/// Stops this process until a SIGCONT (`fg`). SIGSTOP cannot be caught, so our own TSTP
/// handler is not in the way.
fn stop_process() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// What the signals asked for, checked by the event loop between events.
#[derive(Debug, Default)]
pub struct Signals {
    /// TERM, HUP or INT: save what can be saved, restore the terminal, end.
    terminate: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// TSTP (`kill -TSTP`; Ctrl-Z arrives as a key in raw mode).
    suspend: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Signals {
    /// Catches TERM, HUP, INT and TSTP; without that they would end or stop the process with
    /// the terminal left raw and the session's lock behind.
    pub fn install() -> Signals {
        let signals = Signals::default();
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
            use signal_hook::flag::register;
            for sig in [SIGTERM, SIGHUP, SIGINT] {
                let _ = register(sig, signals.terminate.clone());
            }
            let _ = register(SIGTSTP, signals.suspend.clone());
            hangup::watch(signals.terminate.clone());
        }
        signals
    }

    /// Whether a terminating signal came (once).
    pub fn take_terminate(&self) -> bool {
        self.terminate
            .swap(false, std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether a TSTP came since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend
            .swap(false, std::sync::atomic::Ordering::Relaxed)
    }
}

/// Leaves raw mode and the alternate screen; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal before the default panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic in a background job is reported to the screen as a failed job; the
        // interface goes on, so the terminal stays as it is.
        if !crate::jobs::is_job_thread() {
            restore();
        }
        previous(info);
    }));
}

/// A terminal that goes away (its window closed, tmux killed, ssh dropped) without a HUP reaching
/// us: crossterm 0.29 then reads end-of-file from stdin in a loop inside `event::poll` and never
/// returns, spinning a core and deaf to signals. A thread waits for the hangup, asks the event loop
/// to end as a HUP does, and puts an empty non-blocking pipe in stdin's place: the read gives
/// "would block", crossterm returns, and the loop saves what was typed and ends.
#[cfg(unix)]
pub(crate) mod hangup {
    use rustix::event::{PollFd, PollFlags};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    pub fn watch(terminate: Arc<AtomicBool>) {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return;
        }
        let watcher = move || {
            if wait_for(std::io::stdin().as_fd()).is_ok() {
                terminate.store(true, Ordering::Relaxed);
                let _ = quiet_stdin();
            }
        };
        let _ = std::thread::Builder::new()
            .name("duiden-hangup".into())
            .spawn(watcher);
    }

    /// Blocks until `fd` hangs up (or is in error); asks for no events, so input does not wake it.
    pub fn wait_for(fd: BorrowedFd<'_>) -> rustix::io::Result<()> {
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        loop {
            let mut fds = [PollFd::new(&fd, PollFlags::empty())];
            match rustix::event::poll(&mut fds, None) {
                Ok(_) if fds[0].revents().intersects(gone) => return Ok(()),
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Stdin becomes the read end of a pipe nobody writes to (the write end is kept open, so it
    /// never reads as end-of-file).
    fn quiet_stdin() -> rustix::io::Result<()> {
        use rustix::pipe::{PipeFlags, pipe_with};
        let (read, write) = pipe_with(PipeFlags::NONBLOCK | PipeFlags::CLOEXEC)?;
        rustix::stdio::dup2_stdin(&read)?;
        std::mem::forget(write);
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::time::{Duration, Instant};

        /// A pseudo-terminal whose other side closes: the watcher sees the hangup at once.
        #[test]
        fn a_closed_terminal_is_seen_as_a_hangup() {
            let pair = portable_pty::native_pty_system()
                .openpty(portable_pty::PtySize::default())
                .expect("pty");
            let name = pair.master.tty_name().expect("slave name");
            let slave = std::fs::File::open(&name).expect("open slave");
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(wait_for(slave.as_fd()).is_ok());
            });
            // Still there: no answer.
            assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
            let start = Instant::now();
            drop(pair);
            assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(true));
            assert!(start.elapsed() < Duration::from_secs(5));
        }
    }
}
