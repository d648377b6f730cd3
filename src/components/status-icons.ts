import {
  Archive,
  BadgeCheck,
  Ban,
  Briefcase,
  Calendar,
  CalendarClock,
  Car,
  CircleCheck,
  CircleDollarSign,
  CircleDot,
  CircleX,
  ClipboardCheck,
  ClipboardList,
  Clock,
  FilePenLine,
  FileText,
  Flag,
  Handshake,
  Heart,
  Hourglass,
  House,
  Inbox,
  Mail,
  MessageSquare,
  Phone,
  PhoneCall,
  PiggyBank,
  RefreshCw,
  Search,
  Send,
  ShieldCheck,
  Star,
  ThumbsDown,
  ThumbsUp,
  Trophy,
  User,
  UserCheck,
  Users,
  type LucideIcon,
} from 'lucide-react';

// The status icons the board can draw without loading anything: every icon the migrations and
// the seed give a status, and the ones an insurance pipeline is most likely to pick. Each is
// imported by name, so the bundle holds these ~40 and not lucide's ~1,600 (≈165 KB gzip).
// Any other lucide name a status may carry is drawn once the full catalogue has loaded on
// demand (status-icon.tsx, icon-catalogue.ts).
export const STATUS_ICONS: Readonly<Record<string, LucideIcon>> = {
  archive: Archive,
  'badge-check': BadgeCheck,
  ban: Ban,
  briefcase: Briefcase,
  calendar: Calendar,
  'calendar-clock': CalendarClock,
  car: Car,
  'circle-check': CircleCheck,
  'circle-dollar-sign': CircleDollarSign,
  'circle-dot': CircleDot,
  'circle-x': CircleX,
  'clipboard-check': ClipboardCheck,
  'clipboard-list': ClipboardList,
  clock: Clock,
  'file-pen-line': FilePenLine,
  'file-text': FileText,
  flag: Flag,
  handshake: Handshake,
  heart: Heart,
  hourglass: Hourglass,
  house: House,
  inbox: Inbox,
  mail: Mail,
  'message-square': MessageSquare,
  phone: Phone,
  'phone-call': PhoneCall,
  'piggy-bank': PiggyBank,
  'refresh-cw': RefreshCw,
  search: Search,
  send: Send,
  'shield-check': ShieldCheck,
  star: Star,
  'thumbs-down': ThumbsDown,
  'thumbs-up': ThumbsUp,
  trophy: Trophy,
  user: User,
  'user-check': UserCheck,
  users: Users,
};

/** A status's icon name as stored: kebab-case, any case or spacing ('File Text', 'file_text'). */
export function normalizeIconName(name: string): string {
  return name
    .trim()
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase())
    .join('-');
}
