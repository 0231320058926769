import CNcurses
import TrinvisCore
